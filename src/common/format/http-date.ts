const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

const pad = (n: number): string => String(n).padStart(2, '0');

function format(date: Date, month: string): string {
  const day = DAYS[date.getUTCDay()] ?? '';
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  // Four-digit years, as Python's `email.utils.format_datetime` writes them (`%04d`).
  const year = String(date.getUTCFullYear()).padStart(4, '0');
  return `${day}, ${pad(date.getUTCDate())} ${month} ${year} ${time} GMT`;
}

/**
 * RFC 1123 date in UTC with the literal GMT: `Sun, 14 Jul 2019 13:51:01 GMT`
 * (docs/compatibility.md#dates).
 */
export function toHttpDate(date: Date): string {
  return format(date, (MONTHS[date.getUTCMonth()] ?? '').slice(0, 3));
}

export function toHttpDateOrNull(date: Date | null | undefined): string | null {
  return date ? toHttpDate(date) : null;
}

/**
 * OAuth2 client `issued_at` uses the full month name (FitTrackee `GET /api/oauth/apps`, ⚠ quirk).
 */
export function toHttpDateFullMonth(date: Date): string {
  return format(date, MONTHS[date.getUTCMonth()] ?? '');
}
