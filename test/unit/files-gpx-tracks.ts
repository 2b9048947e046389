import { parseCoordinate, type Track, type TrackPoint } from 'src/workouts/files/formats/track';
import { readXml } from 'src/workouts/files/formats/xml-reader';

/** Reads the tracks of a GPX document (test oracle for the converters). */
export function readGpxTracks(data: Buffer | string): Track[] {
  const tracks: Track[] = [];
  let point: TrackPoint | null = null;
  readXml(typeof data === 'string' ? Buffer.from(data) : data, {
    open(local, attributes) {
      if (local === 'trk') tracks.push({ name: null, segments: [] });
      if (local === 'trkseg') tracks.at(-1)?.segments.push([]);
      if (local === 'trkpt') {
        point = {
          latitude: parseCoordinate(attributes['lat'], 90) ?? NaN,
          longitude: parseCoordinate(attributes['lon'], 180) ?? NaN,
          elevation: null,
          time: null,
        };
      }
    },
    close(local, text, path) {
      const parent = path[path.length - 2];
      const current = point;
      if (local === 'name' && parent === 'trk') tracks.at(-1)!.name = text;
      if (current === null) return;
      if (local === 'ele') current.elevation = Number(text);
      if (local === 'time') current.time = text;
      if (local === 'trkpt') {
        tracks.at(-1)?.segments.at(-1)?.push(current);
        point = null;
      }
    },
  });
  return tracks;
}
