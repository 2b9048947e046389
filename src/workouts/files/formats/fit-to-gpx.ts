import FitParser from 'fit-file-parser';
import { writeGpx } from 'src/workouts/files/formats/gpx-writer';
import { formatUtcTime, type TrackPoint } from 'src/workouts/files/formats/track';
import { WorkoutFileError } from 'src/workouts/files/workout-file.errors';

/** FitTrackee's user preference `segments_creation_event` for FIT files. */
export type FitSegmentsCreation = 'all' | 'only_manual' | 'none';

interface Frame {
  at: number;
  order: number;
  point: TrackPoint | null;
  isTimerStop: boolean;
}

const MANUAL_TRIGGER = 0;

async function parseFit(data: Buffer): Promise<Awaited<ReturnType<FitParser['parseAsync']>>> {
  try {
    // Strict mode: a damaged file is refused rather than half-read.
    const parser = new FitParser({ force: false, mode: 'list', lengthUnit: 'm', speedUnit: 'm/s' });
    return await parser.parseAsync(Buffer.from(data));
  } catch {
    throw new WorkoutFileError('error when parsing fit file');
  }
}

/**
 * FIT activity → GPX as FitTrackee's FIT service does: records with a position and a
 * timestamp become points of one track (events and records sorted by time); a timer
 * `stop_all` event starts a new segment (all of them, or only manual ones, or never).
 */
export async function fitToGpx(
  data: Buffer,
  segmentsCreation: FitSegmentsCreation = 'only_manual',
): Promise<string> {
  const fit = await parseFit(data);
  const frames: Frame[] = [];
  for (const event of fit.events ?? []) {
    const isStop = event.event === 'timer' && event.event_type === 'stop_all';
    const counts =
      segmentsCreation === 'all' ||
      (segmentsCreation === 'only_manual' && event.data === MANUAL_TRIGGER);
    if (isStop && counts && event.timestamp !== undefined) {
      frames.push({
        at: event.timestamp.getTime(),
        order: frames.length,
        point: null,
        isTimerStop: true,
      });
    }
  }
  for (const record of fit.records ?? []) {
    const { position_lat: lat, position_long: lon, timestamp } = record;
    if (!lat || !lon || timestamp === undefined) continue;
    const elevation = record.enhanced_altitude ?? record.altitude ?? null;
    const point = { latitude: lat, longitude: lon, elevation, time: formatUtcTime(timestamp) };
    frames.push({ at: timestamp.getTime(), order: frames.length, point, isTimerStop: false });
  }
  // A stop at the time of a record comes after it: the record closes the segment.
  frames.sort(
    (a, b) => a.at - b.at || Number(a.isTimerStop) - Number(b.isTimerStop) || a.order - b.order,
  );
  const segments: TrackPoint[][] = [];
  let segment: TrackPoint[] = [];
  for (const frame of frames) {
    if (frame.point !== null) {
      segment.push(frame.point);
    } else if (segment.length > 0) {
      segments.push(segment);
      segment = [];
    }
  }
  if (segment.length > 0) segments.push(segment);
  if (segments.length === 0) {
    throw new WorkoutFileError('no valid segments with GPS found in fit file');
  }
  return writeGpx([{ name: null, segments }], 'FIT');
}
