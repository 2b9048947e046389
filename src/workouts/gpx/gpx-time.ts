/**
 * gpxpy 1.6.2 `gpxfield.parse_time`: the pattern
 * `^YYYY-M?M-D?D[T ]H?H:M?M:S?S(\.f{1,15})?(Z|[+-−]HH:?(MM)?)?$` (Python `$` also accepts one
 * trailing newline), fraction cut to microseconds (not rounded), then `datetime(...)`, whose
 * ValueError (month 13, 24:00, ...) makes the time missing. Written as a scanner, no regex.
 */
export interface GpxTime {
  /** Microseconds since the epoch (UTC); NaN when the text is not a gpxpy time. */
  micros: number;
  /** No offset: a naive datetime, taken as UTC. */
  naive: boolean;
  /** Offset of 24 h or more: Python raises on first use. */
  invalidOffset: boolean;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
let pos = 0;

export function parseGpxTime(text: string, out: GpxTime): void {
  out.micros = NaN;
  out.naive = true;
  out.invalidOffset = false;
  let end = text.length;
  if (end > 0 && text.charCodeAt(end - 1) === 10) end--;
  pos = 0;
  const year = digits(text, end, 4, 4);
  if (year < 0 || !expect(text, end, 45)) return;
  const month = digits(text, end, 1, 2);
  if (month < 0 || !expect(text, end, 45)) return;
  const day = digits(text, end, 1, 2);
  if (day < 0 || pos >= end) return;
  const sep = text.charCodeAt(pos++);
  if (sep !== 84 && sep !== 32) return;
  const hour = digits(text, end, 1, 2);
  if (hour < 0 || !expect(text, end, 58)) return;
  const minute = digits(text, end, 1, 2);
  if (minute < 0 || !expect(text, end, 58)) return;
  const second = digits(text, end, 1, 2);
  if (second < 0) return;
  let micro = 0;
  if (pos < end && text.charCodeAt(pos) === 46) {
    pos++;
    const start = pos;
    while (pos < end && isDigit(text.charCodeAt(pos)) && pos - start < 15) pos++;
    const count = pos - start;
    if (count === 0) return;
    for (let k = 0; k < 6; k++)
      micro = micro * 10 + (k < count ? text.charCodeAt(start + k) - 48 : 0);
  }
  let offsetMinutes = 0;
  if (pos < end) {
    const zone = parseZone(text, end);
    if (zone === undefined) return;
    offsetMinutes = zone;
    out.naive = false;
  }
  if (!isValidDateTime(year, month, day, hour, minute, second)) return;
  out.invalidOffset = Math.abs(offsetMinutes) >= 24 * 60;
  const days = daysFromCivil(year, month, day);
  const seconds = days * 86400 + hour * 3600 + minute * 60 + second - offsetMinutes * 60;
  out.micros = seconds * 1e6 + micro;
}

/** `Z` or `[+-−]HH:?(MM)?` (the reference's class `[+-−]` is a range U+002B..U+2212). */
function parseZone(text: string, end: number): number | undefined {
  const c = text.charCodeAt(pos);
  if (c === 90 && pos + 1 === end) return 0;
  if (c < 0x2b || c > 0x2212) return undefined;
  const zoneStart = pos;
  pos++;
  if (digits(text, end, 2, 2) < 0) return undefined;
  if (pos < end && text.charCodeAt(pos) === 58) pos++;
  if (pos < end && digits(text, end, 2, 2) < 0) return undefined;
  if (pos !== end) return undefined;
  return simpleTzOffset(text.slice(zoneStart, end));
}

/** gpxpy `SimpleTZ.__init__`: sign, hours from the first two characters, minutes from the last two. */
function simpleTzOffset(zone: string): number {
  let s = zone;
  let sign = 1;
  if (s[0] === '−' || s[0] === '-') {
    sign = -1;
    s = s.slice(1);
  } else if (s[0] === '+') {
    s = s.slice(1);
  }
  const hh = s.slice(0, 2);
  const hours = /^\d+$/.test(hh) ? Number(hh) : 0;
  const mm = s.slice(-2);
  const minutes = s.length >= 4 && /^\d+$/.test(mm) ? Number(mm) : 0;
  return sign * (hours * 60 + minutes);
}

function digits(text: string, end: number, min: number, max: number): number {
  let value = 0;
  let count = 0;
  while (pos < end && count < max) {
    const c = text.charCodeAt(pos);
    if (!isDigit(c)) break;
    value = value * 10 + (c - 48);
    pos++;
    count++;
  }
  return count < min ? -1 : value;
}

function expect(text: string, end: number, code: number): boolean {
  if (pos >= end || text.charCodeAt(pos) !== code) return false;
  pos++;
  return true;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Python's `datetime(...)` range checks (no leap seconds, no 24:00). */
export function isValidDateTime(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
): boolean {
  if (y < 1 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const monthDays = mo === 2 && leap ? 29 : (DAYS_IN_MONTH[mo - 1] ?? 0);
  return d <= monthDays;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}
