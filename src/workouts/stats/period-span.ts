/**
 * Period arithmetic on UTC dates for the statistics buckets (FitTrackee keys
 * periods by the UTC workout date): years, months, Sunday weeks (`week`) and Monday weeks
 * (`weekm`).
 */
export type Period = 'year' | 'month' | 'week' | 'weekm';

export function periodStart(period: Period, date: Date): Date {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth();
  switch (period) {
    case 'year':
      return utc(y, 0, 1);
    case 'month':
      return utc(y, m, 1);
    case 'week':
      return utc(y, m, date.getUTCDate() - date.getUTCDay());
    case 'weekm':
      return utc(y, m, date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  }
}

export function nextPeriodStart(period: Period, start: Date): Date {
  const y = start.getUTCFullYear();
  const m = start.getUTCMonth();
  switch (period) {
    case 'year':
      return utc(y + 1, 0, 1);
    case 'month':
      return utc(y, m + 1, 1);
    default:
      return utc(y, m, start.getUTCDate() + 7);
  }
}

/** The key the statistics use for the period starting at `start`, e.g. `2024-05`. */
export function periodKey(period: Period, start: Date): string {
  const year = String(start.getUTCFullYear()).padStart(4, '0');
  const month = String(start.getUTCMonth() + 1).padStart(2, '0');
  const day = String(start.getUTCDate()).padStart(2, '0');
  if (period === 'year') return year;
  if (period === 'month') return `${year}-${month}`;
  return `${year}-${month}-${day}`;
}

/**
 * The whole periods inside `[from, toExclusive)`: from `first` (inclusive) to `end`
 * (exclusive), each side unbounded when its end of the range is; null when no period fits
 * whole. What lies in the range outside `[first, end)` belongs to the periods cut by it.
 */
export function wholePeriods(
  period: Period,
  from: Date | undefined,
  toExclusive: Date | undefined,
): { first: Date | undefined; end: Date | undefined } | null {
  let first: Date | undefined;
  if (from !== undefined) {
    const start = periodStart(period, from);
    first = start.getTime() === from.getTime() ? start : nextPeriodStart(period, start);
  }
  const end = toExclusive === undefined ? undefined : periodStart(period, toExclusive);
  if (first !== undefined && end !== undefined && first.getTime() >= end.getTime()) return null;
  return { first, end };
}

/** Midnight UTC of a calendar date; out-of-range months and days roll over (setUTCFullYear). */
function utc(year: number, month: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, month, day);
  return date;
}
