import { daysFromCivil, isValidDateTime } from 'src/workouts/gpx/gpx-time';

/**
 * Fast path for the track points that make up nearly every byte of a large GPX file:
 *
 *   <trkpt lat="…" lon="…"><ele>…</ele><time>…</time></trkpt>
 *
 * (attributes in either order, `ele`/`time` each optional and in either order, whitespace
 * between the parts). It reads one such element straight from the bytes — no strings, no
 * events — and gives up (−1) on anything else: other children, single quotes, references,
 * numbers or times outside the plain forms below, or an element cut by the end of the chunk.
 * The general tokenizer then reads that element, so giving up never changes the result; the
 * shape accepted here is a subset whose meaning the general path defines (XML well-formed,
 * gpxpy's first `ele`/`time`, Python's float, gpxpy's time pattern).
 */
export interface ScannedPoint {
  lat: number;
  lon: number;
  /** NaN without `<ele>`. */
  ele: number;
  /** Microseconds since the epoch; NaN without `<time>`. */
  micros: number;
  /** The time had no `Z` (a naive datetime, taken as UTC). */
  naive: boolean;
}

const LT = 0x3c;
const GT = 0x3e;
const QUOTE = 0x22;
const SLASH = 0x2f;
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
const MAX_DIGITS = 15;
const MAX_FRACTION_DIGITS = 15;
// `<trkpt`, `</trkpt>`, `<ele>`, `</ele>`, `<time>`, `</time>` as bytes.
const TRKPT = [0x3c, 0x74, 0x72, 0x6b, 0x70, 0x74];
const TRKPT_END = [0x3c, 0x2f, 0x74, 0x72, 0x6b, 0x70, 0x74, 0x3e];
const ELE = [0x3c, 0x65, 0x6c, 0x65, 0x3e];
const ELE_END = [0x3c, 0x2f, 0x65, 0x6c, 0x65, 0x3e];
const TIME = [0x3c, 0x74, 0x69, 0x6d, 0x65, 0x3e];
const TIME_END = [0x3c, 0x2f, 0x74, 0x69, 0x6d, 0x65, 0x3e];

/** Module-level cursor and result of the number reader (avoids a tuple per number). */
let cursor = 0;
let number = 0;

/** Reads the `<trkpt …>…</trkpt>` at `lt` into `out`; returns the position after it, or −1. */
export function scanTrackPoint(buf: Uint8Array, lt: number, out: ScannedPoint): number {
  const n = buf.length;
  if (!matches(buf, lt, TRKPT)) return -1;
  let i = lt + TRKPT.length;
  let seen = 0; // 1 lat, 2 lon, 4 ele, 8 time
  for (;;) {
    const afterName = i;
    i = skipSpaces(buf, i, n);
    if (i >= n) return -1;
    if (buf[i] === GT) break;
    if (i === afterName) return -1;
    const bit = attributeBit(buf, i);
    if (bit === 0 || (seen & bit) !== 0 || buf[i + 3] !== 0x3d || buf[i + 4] !== QUOTE) return -1;
    if (!readDecimal(buf, i + 5, n) || buf[cursor] !== QUOTE) return -1;
    if (bit === 1) out.lat = number;
    else out.lon = number;
    seen |= bit;
    i = cursor + 1;
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
    if (matches(buf, i, ELE) && (seen & 4) === 0) {
      if (!readDecimal(buf, i + ELE.length, n) || !matches(buf, cursor, ELE_END)) return -1;
      out.ele = number;
      seen |= 4;
      i = cursor + ELE_END.length;
    } else if (matches(buf, i, TIME) && (seen & 8) === 0) {
      if (!readTime(buf, i + TIME.length, n, out) || !matches(buf, cursor, TIME_END)) return -1;
      seen |= 8;
      i = cursor + TIME_END.length;
    } else {
      return -1;
    }
  }
}

/** Position of the first byte at or after `i` that is not XML white space. */
export function skipSpaces(buf: Uint8Array, from: number, n: number): number {
  let i = from;
  while (i < n) {
    const c = buf[i];
    if (c !== 0x20 && c !== 0x0a && c !== 0x09 && c !== 0x0d) break;
    i++;
  }
  return i;
}

function matches(buf: Uint8Array, at: number, bytes: readonly number[]): boolean {
  if (at + bytes.length > buf.length) return false;
  for (let k = 0; k < bytes.length; k++) if (buf[at + k] !== bytes[k]) return false;
  return true;
}

/** 1 for `lat`, 2 for `lon`, 0 otherwise. */
function attributeBit(buf: Uint8Array, i: number): number {
  if (buf[i] !== 0x6c) return 0;
  if (buf[i + 1] === 0x61 && buf[i + 2] === 0x74) return 1;
  if (buf[i + 1] === 0x6f && buf[i + 2] === 0x6e) return 2;
  return 0;
}

/**
 * `-?digits(.digits)?` with at most 15 digits: the integer mantissa and 10^k are exact doubles,
 * so one division is the correctly rounded value — what Python's `float()` returns. Leaves the
 * value in `number` and the position after it in `cursor`.
 */
function readDecimal(buf: Uint8Array, from: number, n: number): boolean {
  let i = from;
  const negative = buf[i] === 0x2d;
  if (negative) i++;
  let mantissa = 0;
  let digits = 0;
  for (; i < n; i++) {
    const c = buf[i] ?? 0;
    if (c < 0x30 || c > 0x39) break;
    mantissa = mantissa * 10 + (c - 0x30);
    digits++;
  }
  if (digits === 0) return false;
  let fraction = 0;
  if (buf[i] === 0x2e) {
    for (i++; i < n; i++) {
      const c = buf[i] ?? 0;
      if (c < 0x30 || c > 0x39) break;
      mantissa = mantissa * 10 + (c - 0x30);
      fraction++;
    }
    if (fraction === 0) return false;
  }
  if (digits + fraction > MAX_DIGITS || i >= n) return false;
  const value = fraction > 0 ? mantissa / (POW10[fraction] ?? NaN) : mantissa;
  number = negative ? -value : value;
  cursor = i;
  return true;
}

/**
 * `YYYY-MM-DDTHH:MM:SS(.f{1,15})?Z?` — the common subset of gpxpy's time pattern (spec
 * workouts.md §4.2), fraction cut to microseconds as gpxpy does. An invalid date gives up, so
 * that the general path decides what gpxpy makes of it.
 */
function readTime(buf: Uint8Array, from: number, n: number, out: ScannedPoint): boolean {
  const i = from;
  if (i + 19 > n) return false;
  if (buf[i + 4] !== 0x2d || buf[i + 7] !== 0x2d || buf[i + 10] !== 0x54) return false;
  if (buf[i + 13] !== 0x3a || buf[i + 16] !== 0x3a) return false;
  const year = fixedDigits(buf, i, 4);
  const month = fixedDigits(buf, i + 5, 2);
  const day = fixedDigits(buf, i + 8, 2);
  const hour = fixedDigits(buf, i + 11, 2);
  const minute = fixedDigits(buf, i + 14, 2);
  const second = fixedDigits(buf, i + 17, 2);
  if ((year | month | day | hour | minute | second) < 0) return false;
  if (!isValidDateTime(year, month, day, hour, minute, second)) return false;
  let j = i + 19;
  let micro = 0;
  if (buf[j] === 0x2e) {
    const start = ++j;
    while (j < n && j - start < MAX_FRACTION_DIGITS) {
      const c = buf[j] ?? 0;
      if (c < 0x30 || c > 0x39) break;
      if (j - start < 6) micro = micro * 10 + (c - 0x30);
      j++;
    }
    const count = j - start;
    if (count === 0) return false;
    for (let k = count; k < 6; k++) micro *= 10;
  }
  const isUtc = buf[j] === 0x5a;
  if (isUtc) j++;
  if (j >= n || buf[j] !== LT) return false;
  const seconds = daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second;
  out.micros = seconds * 1e6 + micro;
  out.naive = !isUtc;
  cursor = j;
  return true;
}

/** The value of `count` ASCII digits at `at`, −1 when one is not a digit. */
function fixedDigits(buf: Uint8Array, at: number, count: number): number {
  let value = 0;
  for (let k = 0; k < count; k++) {
    const c = buf[at + k] ?? 0;
    if (c < 0x30 || c > 0x39) return -1;
    value = value * 10 + (c - 0x30);
  }
  return value;
}
