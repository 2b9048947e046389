import { writeGpx } from 'src/workouts/files/formats/gpx-writer';
import {
  parseCoordinate,
  parseIsoTime,
  type Track,
  type TrackPoint,
} from 'src/workouts/files/formats/track';
import { readXml } from 'src/workouts/files/formats/xml-reader';
import { WorkoutFileError } from 'src/workouts/files/workout-file.errors';

interface PendingPoint {
  latitude?: string;
  longitude?: string;
  altitude?: string;
  time?: string;
}

/** Garbage altitudes some devices write (FitTrackee keeps only -9999.99 < ele < 9999.99). */
function toElevation(text: string | undefined): number | null {
  const value = parseCoordinate(text, Number.MAX_VALUE);
  return value !== null && value > -9999.99 && value < 9999.99 ? value : null;
}

function toPoint(pending: PendingPoint): TrackPoint | null {
  const latitude = parseCoordinate(pending.latitude, 90);
  const longitude = parseCoordinate(pending.longitude, 180);
  if (latitude === null || longitude === null) return null;
  return {
    latitude,
    longitude,
    elevation: toElevation(pending.altitude),
    time: parseIsoTime(pending.time),
  };
}

/**
 * Garmin Training Center XML → GPX, the way FitTrackee's TCX service maps it: one track, one
 * segment per `<Activity>` holding the positioned trackpoints of all its laps and tracks;
 * trackpoints without a position (heart-rate only) are skipped.
 */
export function tcxToGpx(data: Buffer): string {
  const segments: TrackPoint[][] = [];
  let activities = 0;
  let tracks = 0;
  let segment: TrackPoint[] = [];
  let pending: PendingPoint = {};
  try {
    readXml(data, {
      open(local, _attributes, path) {
        if (path.length === 1 && local !== 'TrainingCenterDatabase') throw new Error('not TCX');
        if (local === 'Activity') segment = [];
        if (local === 'Trackpoint') pending = {};
      },
      close(local, text, path) {
        const parent = path[path.length - 2];
        if (local === 'Time' && parent === 'Trackpoint') pending.time = text;
        else if (local === 'AltitudeMeters' && parent === 'Trackpoint') pending.altitude = text;
        else if (local === 'LatitudeDegrees' && parent === 'Position') pending.latitude = text;
        else if (local === 'LongitudeDegrees' && parent === 'Position') pending.longitude = text;
        else if (local === 'Track' && path.includes('Lap')) tracks += 1;
        else if (local === 'Trackpoint' && path.includes('Activity')) {
          const point = toPoint(pending);
          if (point !== null) segment.push(point);
        } else if (local === 'Activity' && parent === 'Activities') {
          activities += 1;
          if (segment.length > 0) segments.push(segment);
        }
      },
    });
  } catch {
    throw new WorkoutFileError('error when parsing tcx file');
  }
  if (activities === 0) throw new WorkoutFileError('no activities in tcx file');
  if (tracks === 0) throw new WorkoutFileError('no laps or no tracks in tcx file');
  if (segments.length === 0) throw new WorkoutFileError('no coordinates in tcx file');
  const track: Track = { name: null, segments };
  return writeGpx([track], 'TCX');
}
