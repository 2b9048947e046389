import { daysFromCivil, isValidDateTime } from 'src/workouts/gpx/gpx-time';

/**
 * Number and time readers of the track-point scanner: they work on bytes and give up (false)
 * on anything outside their plain forms, leaving that to the event path's readers
 * (`python-number.ts`, `gpx-time.ts`), whose results they reproduce exactly.
 */
export interface ValueCursor {
  /** Position after the value read last. */
  pos: number;
  /** The number read last. */
  value: number;
  /** The time read last: microseconds since the epoch, and whether it had no offset. */
  micros: number;
  naive: boolean;
}

export const cursor: ValueCursor = { pos: 0, value: 0, micros: NaN, naive: false };

const LT = 0x3c;
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
/** Up to here, mantissa and 10^k are exact doubles: one division rounds correctly. */
const EXACT_DIGITS = 15;
const MAX_FRACTION_DIGITS = 15;
const MAX_OFFSET_MINUTES = 24 * 60;

/**
 * `-?digits(.digits)?`, followed by `<` or `"`, as Python's `float()` reads it: exactly, by
 * one division, up to 15 digits; longer ones (Garmin writes 30-digit binary expansions) by
 * `Number`, which rounds correctly too and is what the event path uses for them.
 */
export function readDecimal(buf: Buffer, from: number, n: number): boolean {
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
  if (i >= n) return false;
  if (digits + fraction > EXACT_DIGITS) {
    cursor.value = Number(buf.toString('latin1', from, i));
  } else {
    const value = fraction > 0 ? mantissa / (POW10[fraction] ?? NaN) : mantissa;
    cursor.value = negative ? -value : value;
  }
  cursor.pos = i;
  return true;
}

/**
 * `YYYY-MM-DDTHH:MM:SS(.f{1,15})?(Z|[+-]HH:MM)?` followed by `<` — the common subset of
 * gpxpy's time pattern (docs/uploads.md#computed): fraction cut to microseconds, offsets of
 * gpxpy's `SimpleTZ` (minutes not range-checked). An invalid date or an offset of 24 h or
 * more gives up, so that the event path decides what gpxpy makes of it.
 */
export function readTime(buf: Buffer, from: number, n: number): boolean {
  const i = from;
  if (i + 19 > n) return false;
  if (buf[i + 4] !== 0x2d || buf[i + 7] !== 0x2d || buf[i + 10] !== 0x54) return false;
  if (buf[i + 13] !== 0x3a || buf[i + 16] !== 0x3a) return false;
  const days = dateDays(buf, i);
  const hour = fixedDigits(buf, i + 11, 2);
  const minute = fixedDigits(buf, i + 14, 2);
  const second = fixedDigits(buf, i + 17, 2);
  if (days !== days || hour < 0 || minute < 0 || second < 0) return false;
  if (hour > 23 || minute > 59 || second > 59) return false;
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
  let offsetMinutes = 0;
  let naive = true;
  const zone = buf[j];
  if (zone === 0x5a) {
    naive = false;
    j++;
  } else if (zone === 0x2b || zone === 0x2d) {
    const hours = fixedDigits(buf, j + 1, 2);
    const minutes = fixedDigits(buf, j + 4, 2);
    if (hours < 0 || buf[j + 3] !== 0x3a || minutes < 0) return false;
    offsetMinutes = (zone === 0x2d ? -1 : 1) * (hours * 60 + minutes);
    if (Math.abs(offsetMinutes) >= MAX_OFFSET_MINUTES) return false;
    naive = false;
    j += 6;
  }
  if (j >= n || buf[j] !== LT) return false;
  const seconds = days * 86400 + hour * 3600 + minute * 60 + second - offsetMinutes * 60;
  cursor.micros = seconds * 1e6 + micro;
  cursor.naive = naive;
  cursor.pos = j;
  return true;
}

/** The last date read, as bytes, and its day number: consecutive points share their date. */
const lastDate = new Uint8Array(10);
let lastDays = NaN;

/** Days since 1970-01-01 of the valid date `YYYY-MM-DD` at `at`; NaN when not valid. */
function dateDays(buf: Buffer, at: number): number {
  let isSame = lastDays === lastDays;
  for (let k = 0; k < 10 && isSame; k++) isSame = buf[at + k] === lastDate[k];
  if (isSame) return lastDays;
  const year = fixedDigits(buf, at, 4);
  const month = fixedDigits(buf, at + 5, 2);
  const day = fixedDigits(buf, at + 8, 2);
  if ((year | month | day) < 0 || !isValidDateTime(year, month, day, 0, 0, 0)) return NaN;
  lastDate.set(buf.subarray(at, at + 10));
  lastDays = daysFromCivil(year, month, day);
  return lastDays;
}

/** The value of `count` ASCII digits at `at`, −1 when one is not a digit. */
function fixedDigits(buf: Buffer, at: number, count: number): number {
  let value = 0;
  for (let k = 0; k < count; k++) {
    const c = buf[at + k] ?? 0;
    if (c < 0x30 || c > 0x39) return -1;
    value = value * 10 + (c - 0x30);
  }
  return value;
}
