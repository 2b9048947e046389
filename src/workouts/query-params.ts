import { AppError } from 'src/common/errors/app-error';
import { isInt4Text } from 'src/common/validation/int4';

/**
 * Where the reference answers 500 for an unparsable query parameter, we answer 400 with the
 * same message (FitTrackee `GET /api/workouts`, docs/compatibility.md#kept-quirks case 28).
 */
export function badQueryParameter(): AppError {
  return AppError.message(400, 'error', 'error, please try again or contact the administrator');
}

/** First value of a query parameter (Flask's `args.get`); empty strings count as absent. */
export function param(query: Record<string, unknown>, key: string): string | undefined {
  const raw = query[key];
  const value = Array.isArray(raw) ? (raw[0] as unknown) : raw;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * What `parse` makes of a request's parameters, or undefined where it refuses them (an
 * AppError): for what is read before authentication, which leaves the refusal to the route.
 */
export function unlessRefused<T>(parse: () => T): T | undefined {
  try {
    return parse();
  } catch (error) {
    if (error instanceof AppError) return undefined;
    throw error;
  }
}

/** Whether `from` or `to` is given: days in the user's time zone, read once the user is known. */
export function hasDays(query: Record<string, unknown>): boolean {
  return param(query, 'from') !== undefined || param(query, 'to') !== undefined;
}

/**
 * Python `int()`: optional sign and surrounding spaces, digits only; within int4, since every
 * such parameter (`page`, `per_page`, `sport_id`, duration parts) meets an int4 column or an
 * OFFSET computed from it.
 */
export function parseInteger(text: string): number {
  if (!isInt4Text(text)) throw badQueryParameter();
  return Number(text.trim());
}

/** Python `float()` restricted to finite values. */
export function parseFloatParam(text: string): number {
  const trimmed = text.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) throw badQueryParameter();
  const value = Number(trimmed);
  if (!Number.isFinite(value)) throw badQueryParameter();
  return value;
}

/** `H:MM` (extra `:SS` ignored, as the reference does) → seconds. */
export function parseHoursMinutes(text: string): number {
  const [hours, minutes] = text.split(':');
  if (hours === undefined || minutes === undefined) throw badQueryParameter();
  return parseInteger(hours) * 3600 + parseInteger(minutes) * 60;
}
