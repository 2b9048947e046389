import type { ValueTransformer } from 'typeorm';

/**
 * `numeric` columns come back from pg as strings; entities expose numbers (FitTrackee workout
 * model).
 */
export const NUMERIC: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

interface PgInterval {
  days?: number;
  hours?: number;
  minutes?: number;
  seconds?: number;
  milliseconds?: number;
}

/** Durations are whole seconds in code and `interval` in the database (days never fold into months). */
export const INTERVAL_SECONDS: ValueTransformer = {
  to: (value: number | null | undefined) =>
    value === null || value === undefined ? value : `${value} seconds`,
  from: (value: PgInterval | null) => {
    if (value === null) return null;
    return (
      (value.days ?? 0) * 86400 +
      (value.hours ?? 0) * 3600 +
      (value.minutes ?? 0) * 60 +
      (value.seconds ?? 0) +
      (value.milliseconds ?? 0) / 1000
    );
  },
};
