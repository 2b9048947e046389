import { NUMERIC } from 'src/workouts/column-transformers';
import { roundHalfAwayFromZero } from 'src/workouts/gpx/stored-figures';
import type { ColumnOptions } from 'typeorm';

/**
 * `numeric(precision, scale)` of the figure columns of `workouts` and `workout_segments`
 * (migration WidenWorkoutFigures). FitTrackee's numeric(6,3) distance and numeric(6,2) speeds
 * cannot hold a 1,300 km tour or a GPS jump: these hold any real activity with room to spare,
 * and what still does not fit is refused with a 400 naming the figure (never a database error).
 *
 * - distance < 10,000,000 km: 250 times around the Earth;
 * - min_alt, max_alt < 1,000,000 m: the elevation limits of a track point are -12,000 and
 *   50,000 m (`gpx/point-limits.ts`);
 * - ascent, descent < 100,000 km: a month-long mountain tour climbs a few hundred km at most;
 * - max_speed, ave_speed < 100,000,000 km/h: a GPS jump of 20,000 km within one second is
 *   72,000,000 km/h, so recordings at the usual one-second rate are stored whatever their
 *   glitches; anything faster is a tenth of the speed of light.
 */
export const FIGURE_COLUMNS = {
  distance: { precision: 10, scale: 3, unit: 'km' },
  min_alt: { precision: 8, scale: 2, unit: 'm' },
  max_alt: { precision: 8, scale: 2, unit: 'm' },
  ascent: { precision: 11, scale: 3, unit: 'm' },
  descent: { precision: 11, scale: 3, unit: 'm' },
  max_speed: { precision: 10, scale: 2, unit: 'km/h' },
  ave_speed: { precision: 10, scale: 2, unit: 'km/h' },
} as const;

export type FigureColumn = keyof typeof FIGURE_COLUMNS;

/** The entity column of a figure: nullable, read back as a number. */
export function figureColumn(column: FigureColumn): ColumnOptions {
  const { precision, scale } = FIGURE_COLUMNS[column];
  return { type: 'numeric', precision, scale, nullable: true, transformer: NUMERIC };
}

/** The largest value the column holds, e.g. 9999999.999 for numeric(10,3). */
export function largestStored(column: FigureColumn): number {
  const { precision, scale } = FIGURE_COLUMNS[column];
  return Number(`${'9'.repeat(precision - scale)}.${'9'.repeat(scale)}`);
}

/** Whether PostgreSQL stores `value` in the column: finite, and within it once rounded. */
export function fitsColumn(column: FigureColumn, value: number): boolean {
  if (!Number.isFinite(value)) return false;
  const rounded = roundHalfAwayFromZero(value, FIGURE_COLUMNS[column].scale);
  return Math.abs(rounded) <= largestStored(column);
}

/** `max_speed (72000000000 km/h) exceeds 99999999.99 km/h`. */
export function overflowText(column: FigureColumn, value: number): string {
  const { unit } = FIGURE_COLUMNS[column];
  return `${column} (${String(value)} ${unit}) exceeds ${largestStored(column)} ${unit}`;
}
