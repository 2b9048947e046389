import type { LocalDateTime } from 'src/workouts/user-time';

/** Python `strptime` fields: 4-digit year, 1–2 digit month, day, hour and minute. */
const DAY = String.raw`(\d{4})-(\d{1,2})-(\d{1,2})`;
const DAY_PATTERN = new RegExp(`^${DAY}$`);
const DATE_TIME_PATTERN = new RegExp(String.raw`^${DAY} (\d{1,2}):(\d{1,2})$`);

function build(values: number[]): LocalDateTime | undefined {
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0] = values;
  if (year < 1 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59) return undefined;
  const daysInMonth = new Date(Date.UTC(2000, month, 0)).getUTCDate();
  const isLeap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (day > (month === 2 && !isLeap ? 28 : daysInMonth)) return undefined;
  return { year, month, day, hour, minute, second: 0 };
}

/**
 * `YYYY-MM-DD` (query filters `from`/`to`, FitTrackee `GET /api/workouts`); undefined when invalid.
 */
export function parseDay(text: string): LocalDateTime | undefined {
  const match = DAY_PATTERN.exec(text);
  return match ? build(match.slice(1).map(Number)) : undefined;
}

/**
 * `YYYY-MM-DD HH:MM` (workout dates in bodies, FitTrackee `POST /api/workouts/no_gpx`); undefined
 * when invalid.
 */
export function parseWorkoutDateTime(text: string): LocalDateTime | undefined {
  const match = DATE_TIME_PATTERN.exec(text);
  return match ? build(match.slice(1).map(Number)) : undefined;
}
