/**
 * Wall-clock dates in a user's time zone (FitTrackee `GET /api/workouts`,
 * `POST /api/workouts/no_gpx`), as the reference does with pytz `localize()`: an ambiguous or skipped local time takes the standard-time offset
 * (`is_dst=False`). An unknown or empty time zone means UTC.
 */
export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  if (!formatters.has(timeZone)) {
    let formatter: Intl.DateTimeFormat | null;
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      formatter = null;
    }
    formatters.set(timeZone, formatter);
  }
  return formatters.get(timeZone) ?? null;
}

function wallClock(instant: number, formatter: Intl.DateTimeFormat): LocalDateTime {
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(new Date(instant)))
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return {
    year: parts['year'] ?? 0,
    month: parts['month'] ?? 0,
    day: parts['day'] ?? 0,
    hour: parts['hour'] ?? 0,
    minute: parts['minute'] ?? 0,
    second: parts['second'] ?? 0,
  };
}

function asUtc(local: LocalDateTime): number {
  const date = new Date(0);
  date.setUTCFullYear(local.year, local.month - 1, local.day);
  date.setUTCHours(local.hour, local.minute, local.second, 0);
  return date.getTime();
}

/** Offset (ms, local − UTC) of the zone at an instant. */
function offsetAt(instant: number, formatter: Intl.DateTimeFormat): number {
  return (
    asUtc(wallClock(Math.floor(instant / 1000) * 1000, formatter)) -
    Math.floor(instant / 1000) * 1000
  );
}

/** The naive UTC instant of a wall-clock time in `timeZone`. */
export function localToUtc(local: LocalDateTime, timeZone: string | null): Date {
  const nominal = asUtc(local);
  const formatter = timeZone ? formatterFor(timeZone) : null;
  if (formatter === null) return new Date(nominal);
  const day = 86_400_000;
  const candidates = [offsetAt(nominal - day, formatter), offsetAt(nominal + day, formatter)];
  const valid = candidates.filter((offset) => offsetAt(nominal - offset, formatter) === offset);
  // Ambiguous (two valid offsets) or skipped (none): pytz's is_dst=False keeps standard time.
  const offset = valid.length === 1 ? (valid[0] ?? 0) : Math.min(...candidates);
  return new Date(nominal - offset);
}

/**
 * `YYYY-MM-DD HH:MM:SS` of a naive UTC instant seen in `timeZone` (default titles, FitTrackee
 * `POST /api/workouts/no_gpx`).
 */
export function formatInZone(instant: Date, timeZone: string | null): string {
  const formatter = timeZone ? formatterFor(timeZone) : null;
  if (formatter === null) return formatNaive(instant);
  return formatNaive(new Date(asUtc(wallClock(instant.getTime(), formatter))));
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** `YYYY-MM-DD HH:MM:SS` of a naive UTC date, the form SQL parameters use for `timestamp`. */
export function formatNaive(date: Date): string {
  return (
    `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`
  );
}
