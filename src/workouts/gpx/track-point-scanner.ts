import { readCheckedField } from 'src/workouts/gpx/checked-field';
import {
  type PointChildNames,
  simpleNameEnd,
  skipIgnoredElement,
} from 'src/workouts/gpx/ignored-element';
import { cursor, readDecimal, readTime } from 'src/workouts/gpx/track-point-values';

/**
 * Fast path for the track points that make up nearly every byte of a large GPX file:
 *
 *   <trkpt lat="…" lon="…"><ele>…</ele><time>…</time><extensions>…</extensions></trkpt>
 *
 * (attributes in either order, `ele`/`time` each optional, in any order, once; white space
 * between the parts; any children the builder ignores, skipped by `ignored-element.ts`). It
 * reads one such element straight from the bytes — no strings, no events — and gives up (−1)
 * on anything else: single quotes, references, numbers or times outside the plain forms of
 * `track-point-values.ts` (checked fields such as `hdop` or `sat` included, see
 * `checked-field.ts`), or an element cut by the end of the chunk. The event path then reads that element, so giving up never changes the result; what
 * is accepted here is a subset whose meaning the event path defines (XML well-formed, gpxpy's
 * first `ele`/`time`, Python's float, gpxpy's time pattern).
 */
export interface ScannedPoint {
  lat: number;
  lon: number;
  /** NaN without `<ele>`. */
  ele: number;
  /** Microseconds since the epoch; NaN without `<time>`. */
  micros: number;
  /** The time had no offset (a naive datetime, taken as UTC). */
  naive: boolean;
}

const LT = 0x3c;
const GT = 0x3e;
const QUOTE = 0x22;
const SLASH = 0x2f;
// `<trkpt`, `</trkpt>`, `<ele>`, `</ele>`, `<time>`, `</time>` as bytes.
const TRKPT = [0x3c, 0x74, 0x72, 0x6b, 0x70, 0x74];
const TRKPT_END = [0x3c, 0x2f, 0x74, 0x72, 0x6b, 0x70, 0x74, 0x3e];
const ELE = [0x3c, 0x65, 0x6c, 0x65, 0x3e];
const ELE_END = [0x3c, 0x2f, 0x65, 0x6c, 0x65, 0x3e];
const TIME = [0x3c, 0x74, 0x69, 0x6d, 0x65, 0x3e];
const TIME_END = [0x3c, 0x2f, 0x74, 0x69, 0x6d, 0x65, 0x3e];

/** Reads the `<trkpt …>…</trkpt>` at `lt` into `out`; returns the position after it, or −1. */
export function scanTrackPoint(
  buf: Buffer,
  lt: number,
  out: ScannedPoint,
  names: PointChildNames,
): number {
  const n = buf.length;
  if (!matches(buf, lt, TRKPT)) return -1;
  let i = lt + TRKPT.length;
  let seen = 0; // 1 lat, 2 lon, 4 ele, 8 time
  let fields = 0; // FIELD_BITS of the checked fields read
  for (;;) {
    const afterName = i;
    i = skipSpaces(buf, i, n);
    if (i >= n) return -1;
    if (buf[i] === GT) break;
    if (i === afterName) return -1;
    const bit = attributeBit(buf, i);
    if (bit === 0 || (seen & bit) !== 0 || buf[i + 3] !== 0x3d || buf[i + 4] !== QUOTE) return -1;
    if (!readDecimal(buf, i + 5, n) || buf[cursor.pos] !== QUOTE) return -1;
    if (bit === 1) out.lat = cursor.value;
    else out.lon = cursor.value;
    seen |= bit;
    i = cursor.pos + 1;
  }
  if (seen !== 3) return -1;
  i++;
  out.ele = NaN;
  out.micros = NaN;
  out.naive = false;
  for (;;) {
    i = skipSpaces(buf, i, n);
    if (i + 8 > n || buf[i] !== LT) return -1;
    if (buf[i + 1] === SLASH) {
      return matches(buf, i, TRKPT_END) ? i + TRKPT_END.length : -1;
    }
    if ((seen & 4) === 0 && matches(buf, i, ELE)) {
      if (!readDecimal(buf, i + ELE.length, n) || !matches(buf, cursor.pos, ELE_END)) return -1;
      out.ele = cursor.value;
      seen |= 4;
      i = cursor.pos + ELE_END.length;
    } else if ((seen & 8) === 0 && matches(buf, i, TIME)) {
      if (!readTime(buf, i + TIME.length, n) || !matches(buf, cursor.pos, TIME_END)) return -1;
      out.micros = cursor.micros;
      out.naive = cursor.naive;
      seen |= 8;
      i = cursor.pos + TIME_END.length;
    } else {
      const nameEnd = simpleNameEnd(buf, i + 1, n);
      if (nameEnd < 0) return -1;
      const field = names.checkedField(buf, i + 1, nameEnd);
      if (field !== 0 && (fields & (field >> 2)) === 0) {
        i = readCheckedField(buf, i, nameEnd, n, field & 3);
        fields |= field >> 2;
      } else {
        i = skipIgnoredElement(buf, i, n, names);
      }
      if (i < 0) return -1;
    }
  }
}

/** Position of the first byte at or after `i` that is not XML white space. */
export function skipSpaces(buf: Buffer, from: number, n: number): number {
  let i = from;
  while (i < n) {
    const c = buf[i];
    if (c !== 0x20 && c !== 0x0a && c !== 0x09 && c !== 0x0d) break;
    i++;
  }
  return i;
}

function matches(buf: Buffer, at: number, bytes: readonly number[]): boolean {
  if (at + bytes.length > buf.length) return false;
  for (let k = 0; k < bytes.length; k++) if (buf[at + k] !== bytes[k]) return false;
  return true;
}

/** 1 for `lat`, 2 for `lon`, 0 otherwise. */
function attributeBit(buf: Buffer, i: number): number {
  if (buf[i] !== 0x6c) return 0;
  if (buf[i + 1] === 0x61 && buf[i + 2] === 0x74) return 1;
  if (buf[i + 1] === 0x6f && buf[i + 2] === 0x6e) return 2;
  return 0;
}
