import { FitBaseType, FitEncoder, type FitEncoderField } from 'fit-file-parser';

/** A point in numbers, for the formats whose values are not written as text by the tests. */
export interface FormatPoint {
  lat: number;
  lon: number;
  ele: number;
  time: string;
}

const field = (number: number, size: number, baseType: FitBaseType, value: number) =>
  ({ number, size, baseType, value }) satisfies FitEncoderField;
const stamp = (time: string): number => FitEncoder.toFitTimestamp(new Date(time));
const semicircles = (degrees: number): number => Math.round((degrees * 2 ** 31) / 180);

/**
 * A FIT activity (file_id and records with semicircle positions and enhanced altitude), the
 * layout of `test/fixtures/formats/run.fit`. Semicircles reach ±180° for latitudes too, and
 * enhanced altitude 858 km: both can carry values no place on Earth has.
 */
export function fitOf(points: FormatPoint[]): Buffer {
  const encoder = new FitEncoder();
  encoder.writeMessage(0, [
    field(0, 1, FitBaseType.Enum, 4),
    field(1, 2, FitBaseType.Uint16, 1),
    field(4, 4, FitBaseType.Uint32, stamp(points[0]?.time ?? '2024-05-01T06:00:00Z')),
  ]);
  for (const p of points) {
    encoder.writeMessage(20, [
      field(253, 4, FitBaseType.Uint32, stamp(p.time)),
      field(0, 4, FitBaseType.Sint32, semicircles(p.lat)),
      field(1, 4, FitBaseType.Sint32, semicircles(p.lon)),
      field(78, 4, FitBaseType.Uint32, Math.round((p.ele + 500) * 5)),
    ]);
  }
  return Buffer.from(encoder.close());
}

/** Training Center XML: one activity, one lap, one track. */
export function tcxOf(points: FormatPoint[]): Buffer {
  const trackpoints = points.map(
    (p) =>
      `<Trackpoint><Time>${p.time}</Time><Position><LatitudeDegrees>${p.lat}</LatitudeDegrees>` +
      `<LongitudeDegrees>${p.lon}</LongitudeDegrees></Position>` +
      `<AltitudeMeters>${p.ele}</AltitudeMeters></Trackpoint>`,
  );
  return Buffer.from(
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">' +
      `<Activities><Activity Sport="Running"><Id>${points[0]?.time ?? ''}</Id><Lap><Track>` +
      `${trackpoints.join('')}</Track></Lap></Activity></Activities></TrainingCenterDatabase>`,
  );
}

/** KML with one `gx:Track` (`when` + `gx:coord`), as OpenTracks writes it. */
export function kmlOf(points: FormatPoint[]): Buffer {
  const whens = points.map((p) => `<when>${p.time}</when>`).join('');
  const coords = points.map((p) => `<gx:coord>${p.lon} ${p.lat} ${p.ele}</gx:coord>`).join('');
  return Buffer.from(
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<kml xmlns="http://www.opengis.net/kml/2.2" xmlns:gx="http://www.google.com/kml/ext/2.2">' +
      `<Document><Placemark><name>unusual</name><gx:MultiTrack><gx:Track>${whens}${coords}` +
      '</gx:Track></gx:MultiTrack></Placemark></Document></kml>',
  );
}
