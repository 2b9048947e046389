import { type FigureColumn, fitsColumn, overflowText } from 'src/workouts/figure-columns';
import { FigureTooLargeError } from 'src/workouts/file-uploads/upload-errors';
import type { GpxAnalysis, GpxFigures } from 'src/workouts/gpx/gpx-types';

const COLUMNS: readonly (readonly [FigureColumn, (f: GpxFigures) => number | null])[] = [
  ['distance', (f) => f.distanceKm],
  ['min_alt', (f) => f.minAltitude],
  ['max_alt', (f) => f.maxAltitude],
  ['ascent', (f) => f.ascent],
  ['descent', (f) => f.descent],
  ['max_speed', (f) => f.maxSpeedKmh],
  ['ave_speed', (f) => f.aveSpeedKmh],
];

/**
 * Refuses (400, naming the figure) a file whose workout or segment figures the columns cannot
 * hold, before anything is drawn or written: points are all on Earth by then, but sums over a
 * huge file or a jump within microseconds can still exceed any column.
 */
export function assertStorableFigures(analysis: GpxAnalysis): void {
  check(analysis, '');
  for (const segment of analysis.segments) check(segment, ` in segment ${segment.segmentId + 1}`);
}

function check(figures: GpxFigures, where: string): void {
  for (const [column, value] of COLUMNS) {
    const figure = value(figures);
    if (figure !== null && !fitsColumn(column, figure)) {
      throw new FigureTooLargeError(`${overflowText(column, figure)}${where}`);
    }
  }
}
