import { InvalidPayloadError } from 'src/common/errors/http-errors';
import { type FigureColumn, fitsColumn, overflowText } from 'src/workouts/figure-columns';

/** 400 naming a figure entered by hand (or derived from one) that its column cannot hold. */
function assertFits(column: FigureColumn, value: number): void {
  if (!fitsColumn(column, value)) {
    throw new InvalidPayloadError(`invalid payload: ${overflowText(column, value)}`);
  }
}

/** `distance` of FitTrackee `POST /api/workouts/no_gpx` and `PATCH /api/workouts/<id>`. */
export function assertStorableDistance(distance: number | null | undefined): void {
  if (distance !== undefined && distance !== null) assertFits('distance', distance);
}

/** Python `float()` of a JSON value, limited to finite, non-negative, storable elevations. */
function toElevation(value: unknown, column: 'ascent' | 'descent'): number {
  let number: number;
  if (typeof value === 'number') number = value;
  else if (typeof value === 'string' && /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(value))
    number = Number(value);
  else throw new InvalidPayloadError();
  if (!Number.isFinite(number) || number < 0) throw new InvalidPayloadError();
  assertFits(column, number);
  return number;
}

/**
 * Both or neither (FitTrackee `POST /api/workouts/no_gpx`, `PATCH /api/workouts/<workout_id>`): one
 * alone, a negative or non-numeric one → invalid payload. `undefined` means the key was absent; both null means "clear".
 */
export function parseElevationPair(
  ascent: unknown,
  descent: unknown,
): { ascent: number | null; descent: number | null } {
  const hasAscent = ascent !== undefined && ascent !== null;
  const hasDescent = descent !== undefined && descent !== null;
  if (!hasAscent && !hasDescent) return { ascent: null, descent: null };
  if (!hasAscent || !hasDescent) throw new InvalidPayloadError();
  return { ascent: toElevation(ascent, 'ascent'), descent: toElevation(descent, 'descent') };
}

/**
 * Manual speeds (FitTrackee `POST /api/workouts/no_gpx`): distance / (S / 3600) where S is Python's
 * `timedelta.seconds`, the seconds part modulo one day; null when S is 0. A speed no column holds is a 400 naming it.
 */
export function manualSpeed(distance: number, durationSeconds: number): number | null {
  const seconds = durationSeconds % 86400;
  if (seconds === 0) return null;
  const speed = distance / (seconds / 3600);
  assertFits('ave_speed', speed);
  return speed;
}
