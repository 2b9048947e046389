import { readFileSync } from 'node:fs';

import { kmlToGpx } from 'src/workouts/files/formats/kml-to-gpx';
import { kmzToGpx } from 'src/workouts/files/formats/kmz-to-gpx';
import { tcxToGpx } from 'src/workouts/files/formats/tcx-to-gpx';
import { WorkoutFileError, ZipInvalidError } from 'src/workouts/files/workout-file.errors';
import { sharedFixture } from 'test/helpers/shared-fixtures';
import { readGpxTracks } from 'test/unit/files-gpx-tracks';
import { buildZip } from 'test/unit/files-zip-builder';

const tcx = (activities: string): Buffer =>
  Buffer.from(
    `<?xml version="1.0"?><TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"><Activities>${activities}</Activities></TrainingCenterDatabase>`,
  );
const trackpoint = (time: string, lat?: number, ele?: number): string =>
  `<Trackpoint><Time>${time}</Time>${lat === undefined ? '' : `<Position><LatitudeDegrees>${lat}</LatitudeDegrees><LongitudeDegrees>6.1</LongitudeDegrees></Position>`}${ele === undefined ? '' : `<AltitudeMeters>${ele}</AltitudeMeters>`}<HeartRateBpm><Value>120</Value></HeartRateBpm></Trackpoint>`;
const activity = (points: string): string =>
  `<Activity Sport="Biking"><Id>x</Id><Lap><Track>${points}</Track></Lap></Activity>`;
const kml = (body: string): Buffer =>
  Buffer.from(
    `<kml xmlns="http://www.opengis.net/kml/2.2" xmlns:gx="http://www.google.com/kml/ext/2.2"><Document>${body}</Document></kml>`,
  );
const message = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    if (error instanceof WorkoutFileError) return error.message;
    throw error;
  }
  throw new Error('no error');
};

describe('tcxToGpx', () => {
  it('skips points without position, drops absurd altitudes, one segment per activity', () => {
    const gpx = tcxToGpx(
      tcx(
        activity(
          trackpoint('2020-01-01T10:00:00Z') + trackpoint('2020-01-01T10:00:05Z', 45, 99999),
        ) + activity(trackpoint('2020-01-01T11:00:00+01:00', 45.1, 12.5)),
      ),
    );
    expect(readGpxTracks(gpx)[0]!.segments).toEqual([
      [{ latitude: 45, longitude: 6.1, elevation: null, time: '2020-01-01T10:00:05Z' }],
      [{ latitude: 45.1, longitude: 6.1, elevation: 12.5, time: '2020-01-01T11:00:00+01:00' }],
    ]);
  });

  it.each([
    ['not XML', Buffer.from('\xff\xfe not xml'), 'error when parsing tcx file'],
    ['another root', Buffer.from('<gpx><trk/></gpx>'), 'error when parsing tcx file'],
    ['no activity', tcx(''), 'no activities in tcx file'],
    ['no track', tcx('<Activity><Lap/></Activity>'), 'no laps or no tracks in tcx file'],
    [
      'no position',
      tcx(activity(trackpoint('2020-01-01T10:00:00Z'))),
      'no coordinates in tcx file',
    ],
  ])('%s → %s', (_label, data, expected) => {
    expect(message(() => tcxToGpx(data))).toBe(expected);
  });

  it.each(['05_billion_laughs.gpx', '06_xxe_etc_passwd.gpx'])(
    'refuses any DTD (%s as TCX) without expanding or resolving entities',
    (name) => {
      const hostile = readFileSync(sharedFixture('hostile', name), 'utf8').replace(
        /<gpx[\s\S]*$/,
        tcx(activity(trackpoint('2020-01-01T10:00:00Z', 45)))
          .toString()
          .replace(/^<\?xml[^>]*>/, ''),
      );
      expect(message(() => tcxToGpx(Buffer.from(hostile)))).toBe('error when parsing tcx file');
    },
  );
});

describe('kmlToGpx', () => {
  it('reads a gx:Track placed directly in a placemark and escapes its name', () => {
    const gpx = kmlToGpx(
      kml(
        '<Placemark><name>a &lt;b&gt; &amp; c</name><gx:Track><when>2020-01-01T10:00:00Z</when><gx:coord>6.1 45.2 310</gx:coord></gx:Track></Placemark>',
      ),
    );
    expect(readGpxTracks(gpx)).toEqual([
      {
        name: 'a <b> & c',
        segments: [
          [{ latitude: 45.2, longitude: 6.1, elevation: 310, time: '2020-01-01T10:00:00Z' }],
        ],
      },
    ]);
  });

  it('joins timestamped point placemarks into one segment in document order', () => {
    const point = (t: string, lon: number): string =>
      `<Placemark><TimeStamp><when>${t}</when></TimeStamp><Point><coordinates>${lon},45,100</coordinates></Point></Placemark>`;
    const gpx = kmlToGpx(
      kml(
        `<Folder>${point('2020-01-01T10:00:00Z', 6)}${point('2020-01-01T10:00:10Z', 6.001)}</Folder>`,
      ),
    );
    const [segment] = readGpxTracks(gpx)[0]!.segments;
    expect(segment!.map((p) => [p.longitude, p.time])).toEqual([
      [6, '2020-01-01T10:00:00Z'],
      [6.001, '2020-01-01T10:00:10Z'],
    ]);
  });

  it('reads a LineString without times (the analysis then reports the missing time)', () => {
    const gpx = kmlToGpx(
      kml(
        '<Placemark><LineString><coordinates>6,45,1 6.1,45.1</coordinates></LineString></Placemark>',
      ),
    );
    expect(readGpxTracks(gpx)[0]!.segments).toEqual([
      [
        { latitude: 45, longitude: 6, elevation: 1, time: null },
        { latitude: 45.1, longitude: 6.1, elevation: null, time: null },
      ],
    ]);
  });

  it.each([
    ['not XML', Buffer.from('<kml><Document>'), 'error when parsing kml file'],
    ['no placemark', kml('<name>x</name>'), 'unsupported kml file'],
    ['no geometry', kml('<Placemark><name>x</name></Placemark>'), 'no tracks in kml file'],
  ])('%s → %s', (_label, data, expected) => {
    expect(message(() => kmlToGpx(data))).toBe(expected);
  });
});

describe('kmzToGpx', () => {
  it('reads the first top-level .kml when there is no doc.kml', async () => {
    const zip = await buildZip([
      { name: 'images/a.png', data: 'png' },
      {
        name: 'track.kml',
        data: kml(
          '<Placemark><LineString><coordinates>6,45</coordinates></LineString></Placemark>',
        ),
      },
    ]);
    expect(readGpxTracks(await kmzToGpx(zip, 1e6))[0]!.segments[0]).toHaveLength(1);
  });

  it('answers "error when parsing kmz file" without a KML document', async () => {
    const zip = await buildZip([{ name: 'sub/doc.kml', data: 'x' }]);
    await expect(kmzToGpx(zip, 1e6)).rejects.toThrow('error when parsing kmz file');
    await expect(kmzToGpx(Buffer.from('not a zip'), 1e6)).rejects.toThrow(ZipInvalidError);
  });
});
