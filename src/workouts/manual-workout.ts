import { InvalidPayloadError } from 'src/common/errors/http-errors';

/** ascent/descent are numeric(8,3) metres (spec workouts.md §1.1). */
const MAX_ELEVATION = 99999.999;
/** Speeds are numeric(6,2): anything rounding above 9999.99 km/h cannot be stored. */
const MAX_SPEED = 9999.994;

/** Python `float()` of a JSON value, limited to finite, non-negative, storable elevations. */
function toElevation(value: unknown): number {
  let number: number;
  if (typeof value === 'number') number = value;
  else if (typeof value === 'string' && /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(value))
    number = Number(value);
  else throw new InvalidPayloadError();
  if (!Number.isFinite(number) || number < 0 || number > MAX_ELEVATION)
    throw new InvalidPayloadError();
  return number;
}

/**
 * Both or neither (spec §5, §6.1 step 3): one alone, a negative or non-numeric one → invalid
 * payload. `undefined` means the key was absent; both null means "clear".
 */
export function parseElevationPair(
  ascent: unknown,
  descent: unknown,
): { ascent: number | null; descent: number | null } {
  const hasAscent = ascent !== undefined && ascent !== null;
  const hasDescent = descent !== undefined && descent !== null;
  if (!hasAscent && !hasDescent) return { ascent: null, descent: null };
  if (!hasAscent || !hasDescent) throw new InvalidPayloadError();
  return { ascent: toElevation(ascent), descent: toElevation(descent) };
}

/**
 * Manual speeds (spec §5): distance / (S / 3600) where S is Python's `timedelta.seconds`, the
 * seconds part modulo one day; null when S is 0. Absurd speeds cannot be stored: 400.
 */
export function manualSpeed(distance: number, durationSeconds: number): number | null {
  const seconds = durationSeconds % 86400;
  if (seconds === 0) return null;
  const speed = distance / (seconds / 3600);
  if (speed > MAX_SPEED) throw new InvalidPayloadError();
  return speed;
}
