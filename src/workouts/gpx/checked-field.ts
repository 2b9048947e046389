import { FieldCheck, GPX_FIX_VALUES } from 'src/workouts/gpx/gpx-field-checks';
import { cursor, readDecimal } from 'src/workouts/gpx/track-point-values';

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
/** gpxpy's `fix` values, as bytes followed by `<`. */
const FIX_VALUES = GPX_FIX_VALUES.map((v) => Buffer.from(`${v}<`));

/**
 * A point field gpxpy converts (`<hdop>`, `<sat>`, `<fix>`, GPX 1.0 `<speed>`…) for the
 * track-point scanner: `lt` is its `<`, `nameEnd` the end of its name. Returns the position
 * after its end tag when the value is one gpxpy accepts in a plain form (or there is none),
 * −1 otherwise — a value it would refuse, or one this reader does not know, goes through the
 * event path, which decides.
 */
export function readCheckedField(
  buf: Buffer,
  lt: number,
  nameEnd: number,
  n: number,
  check: number,
): number {
  if (buf[nameEnd] === SLASH) return buf[nameEnd + 1] === GT ? nameEnd + 2 : -1;
  if (buf[nameEnd] !== GT) return -1;
  const valueEnd = plainValueEnd(buf, nameEnd + 1, n, check);
  if (valueEnd < 0 || valueEnd + 2 >= n || buf[valueEnd + 1] !== SLASH) return -1;
  const length = nameEnd - lt - 1;
  const closeEnd = valueEnd + 2 + length;
  if (closeEnd >= n || buf[closeEnd] !== GT) return -1;
  for (let k = 0; k < length; k++) if (buf[valueEnd + 2 + k] !== buf[lt + 1 + k]) return -1;
  return closeEnd + 1;
}

/** Where an accepted value starting at `from` ends (at a `<`), or −1. */
function plainValueEnd(buf: Buffer, from: number, n: number, check: number): number {
  if (buf[from] === LT) return from;
  switch (check) {
    case FieldCheck.Float:
      return readDecimal(buf, from, n) && buf[cursor.pos] === LT ? cursor.pos : -1;
    case FieldCheck.Int: {
      let i = buf[from] === 0x2d ? from + 1 : from;
      const digitsStart = i;
      while (i < n && (buf[i] ?? 0) >= 0x30 && (buf[i] ?? 0) <= 0x39) i++;
      return i > digitsStart && buf[i] === LT ? i : -1;
    }
    case FieldCheck.Fix:
      for (const value of FIX_VALUES) {
        if (buf.compare(value, 0, value.length, from, from + value.length) === 0) {
          return from + value.length - 1;
        }
      }
      return -1;
    default:
      return -1;
  }
}
