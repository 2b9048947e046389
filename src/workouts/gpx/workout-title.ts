/**
 * FitTrackee `create_workout` title for a GPX workout (docs/uploads.md#computed): the first
 * track's `<name>` when non-empty, else `<sport label> - <start in the user's time zone,
 * YYYY-MM-DD HH:MM:SS>` (UTC when the user has no time zone).
 */
export function gpxWorkoutTitle(
  name: string | null,
  sportLabel: string,
  start: Date,
  timezone: string | null,
): string {
  if (name !== null && name !== '') return name;
  return `${sportLabel} - ${formatLocal(start, timezone ?? 'UTC')}`;
}

function formatLocal(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}`;
}
