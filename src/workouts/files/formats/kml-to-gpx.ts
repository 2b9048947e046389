import { writeGpx } from 'src/workouts/files/formats/gpx-writer';
import { parseCoordinate, parseIsoTime, type TrackPoint } from 'src/workouts/files/formats/track';
import { readXml } from 'src/workouts/files/formats/xml-reader';
import { WorkoutFileError } from 'src/workouts/files/workout-file.errors';

interface Placemark {
  name: string | null;
  tracks: TrackPoint[][];
  line: TrackPoint[] | null;
  point: TrackPoint | null;
  when: string | null;
}

/** `lon lat [alt]` (gx:coord) or `lon,lat[,alt]` (coordinates tuple). */
function toPoint(tuple: string, separator: RegExp, time: string | null): TrackPoint | null {
  const [lon, lat, alt] = tuple.trim().split(separator);
  const latitude = parseCoordinate(lat, 90);
  const longitude = parseCoordinate(lon, 180);
  if (latitude === null || longitude === null) return null;
  return { latitude, longitude, elevation: parseCoordinate(alt, 1e6), time };
}

function pairTrack(whens: string[], coords: string[]): TrackPoint[] {
  const points: TrackPoint[] = [];
  whens.forEach((when, index) => {
    const point = toPoint(coords[index] ?? '', /\s+/, parseIsoTime(when));
    if (point !== null) points.push(point);
  });
  return points;
}

function parsePlacemarks(data: Buffer): Placemark[] {
  const placemarks: Placemark[] = [];
  let current: Placemark | null = null;
  let whens: string[] = [];
  let coords: string[] = [];
  readXml(data, {
    open(local, _attributes, path) {
      if (path.length === 1 && local !== 'kml') throw new Error('not KML');
      if (local === 'Placemark')
        current = { name: null, tracks: [], line: null, point: null, when: null };
      if (local === 'Track') [whens, coords] = [[], []];
    },
    close(local, text, path) {
      const parent = path[path.length - 2];
      const placemark = current;
      if (placemark === null) return;
      if (local === 'name' && parent === 'Placemark') placemark.name = text;
      else if (local === 'when' && parent === 'Track') whens.push(text);
      else if (local === 'coord' && parent === 'Track') coords.push(text);
      else if (local === 'Track') placemark.tracks.push(pairTrack(whens, coords));
      else if (local === 'when' && parent === 'TimeStamp') placemark.when = parseIsoTime(text);
      else if (local === 'coordinates' && parent === 'Point') {
        placemark.point = toPoint(text, /,/, null);
      } else if (local === 'coordinates' && parent === 'LineString' && placemark.line === null) {
        const tuples = text.split(/\s+/).filter((t) => t !== '');
        placemark.line = tuples.map((t) => toPoint(t, /,/, null)).filter((p) => p !== null);
      } else if (local === 'Placemark') {
        placemarks.push(placemark);
        current = null;
      }
    },
  });
  return placemarks;
}

/**
 * KML → GPX. As FitTrackee's KML service: the first placemark holding `gx:Track`s (OpenTracks,
 * Google My Tracks) gives one track with one segment per track. Also accepted: timestamped
 * point placemarks (one segment, document order), else a `LineString` (no times, so the
 * analysis answers `<time> is missing in gpx file`).
 */
export function kmlToGpx(data: Buffer, sourceFormat = 'KML'): string {
  let placemarks: Placemark[];
  try {
    placemarks = parsePlacemarks(data);
  } catch {
    throw new WorkoutFileError('error when parsing kml file');
  }
  if (placemarks.length === 0) throw new WorkoutFileError('unsupported kml file');
  const withTracks = placemarks.find((p) => p.tracks.length > 0);
  if (withTracks !== undefined) {
    return writeGpx([{ name: withTracks.name, segments: withTracks.tracks }], sourceFormat);
  }
  const timedPoints = placemarks.flatMap((p) =>
    p.point !== null && p.when !== null ? [{ ...p.point, time: p.when }] : [],
  );
  if (timedPoints.length > 0) {
    return writeGpx([{ name: null, segments: [timedPoints] }], sourceFormat);
  }
  const withLine = placemarks.find((p) => p.line !== null && p.line.length > 0);
  if (withLine?.line != null) {
    return writeGpx([{ name: withLine.name, segments: [withLine.line] }], sourceFormat);
  }
  throw new WorkoutFileError('no tracks in kml file');
}
