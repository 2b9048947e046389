import type { User } from 'src/users/user.entity';
import type request from 'supertest';
import { firstPartyToken } from 'test/helpers/auth';
import { expectEnvelopeError } from 'test/helpers/expect-envelope';
import { createUser } from 'test/helpers/factories';
import {
  type RejectionWatch,
  settle,
  watchUnhandledRejections,
} from 'test/helpers/rejection-watch';
import { fitOf, type FormatPoint, kmlOf, tcxOf } from 'test/helpers/unusual-formats';
import { gpxOf, isoAt, longTour, teleports, walk, walkWith } from 'test/helpers/unusual-gpx';
import { expectUploadFolderMatchesRows } from 'test/helpers/upload-disk';
import { countWorkouts, postWorkoutFile, readSharedFixture } from 'test/helpers/uploads';
import { setTimezone } from 'test/helpers/workouts-api';
import { createTestApp, type TestApp } from 'test/setup/test-app';
import { buildZip } from 'test/unit/files-zip-builder';

type Workout = Record<string, unknown>;
const GOOD = readSharedFixture('extra', 'fittrackee_gpx_file.gpx');
const at = (point: number, problem: string): string =>
  `gpx file is invalid: ${problem} (track 1, segment 1, point ${point})`;

/** Values no place on Earth has: 400 saying what and where (FitTrackee: 500 or a crash). */
const REFUSED: [label: string, gpx: Buffer, message: string | RegExp][] = [
  [
    'one point with lon="500"',
    gpxOf([walkWith(3, { lon: '500' })]),
    at(4, 'longitude 500 is not within [-180, 180]'),
  ],
  [
    'one point with lon="-1e308" in a 29 KB file (once 4.6 GB of memory)',
    gpxOf([walkWith(200, { lon: '-1e308' }, 260)]),
    at(201, 'longitude -1e+308 is not within [-180, 180]'),
  ],
  ['lat="91"', gpxOf([walkWith(0, { lat: '91' })]), at(1, 'latitude 91 is not within [-90, 90]')],
  [
    'lat="-90.5" in a second segment',
    gpxOf([walk(3), walkWith(1, { lat: '-90.5' }, 3)]),
    'gpx file is invalid: latitude -90.5 is not within [-90, 90] (track 1, segment 2, point 2)',
  ],
  [
    '<ele>Infinity</ele>',
    gpxOf([walkWith(5, { ele: 'Infinity' })]),
    at(6, 'elevation Infinity m is not within [-12000, 50000] m'),
  ],
  [
    '<ele>NaN</ele>',
    gpxOf([walkWith(5, { ele: 'NaN' })]),
    at(6, 'elevation NaN m is not within [-12000, 50000] m'),
  ],
  [
    '<ele>1e308</ele>',
    gpxOf([walkWith(5, { ele: '1e308' })]),
    at(6, 'elevation 1e+308 m is not within [-12000, 50000] m'),
  ],
  [
    'points jumping 16,000 km every millisecond',
    gpxOf([teleports(20, 1)]),
    /^error when saving workout: max_speed \(\d+(\.\d+)? km\/h\) exceeds 99999999\.99 km\/h$/,
  ],
  [
    'a time that is no date ("2024-02-30")',
    gpxOf([walkWith(2, { time: '2024-02-30T06:00:00Z' })]),
    '<time> is missing in gpx file',
  ],
];

/** Unusual but possible: stored, with figures that say so. */
const STORED: [label: string, gpx: Buffer, expected: Workout][] = [
  [
    'every <ele> at 12000 (a flight)',
    gpxOf([walk().map((p) => ({ ...p, ele: '12000' }))]),
    { min_alt: 12000, max_alt: 12000, ascent: 0, descent: 0 },
  ],
  [
    'a 1,300 km tour over 60 hours',
    gpxOf([longTour(1300, 60)]),
    { duration: '2 days, 12:00:00', moving: '2 days, 12:00:00' },
  ],
  [
    'the poles, the antimeridian and the corners of the map',
    gpxOf([
      [
        { lat: '89.999', lon: '179.999', ele: '2800', time: isoAt(0) },
        { lat: '89.999', lon: '-179.999', ele: '2801', time: isoAt(60) },
        { lat: '90', lon: '180', ele: '2802', time: isoAt(120) },
        { lat: '-90', lon: '-180', ele: '2803', time: isoAt(180) },
        { lat: '-89.999', lon: '-179.999', ele: '2804', time: isoAt(240) },
      ],
    ]),
    { bounds: [-90, -180, 90, 180] },
  ],
  ['points jumping 16,000 km every second', gpxOf([teleports(20, 1000)]), {}],
  [
    'zero time steps (points sharing one time)',
    gpxOf([walk().map((p, i) => ({ ...p, time: isoAt(Math.floor(i / 5) * 10) }))]),
    {},
  ],
  [
    'time running backwards',
    gpxOf([walk().map((p, i) => ({ ...p, time: isoAt((19 - i) * 10) }))]),
    {},
  ],
  [
    'a track from year 1 to year 9999',
    gpxOf([
      [
        { lat: '45', lon: '6', time: '0001-01-01T00:00:00Z' },
        { lat: '45.001', lon: '6.001', time: '9999-12-31T23:59:59Z' },
      ],
    ]),
    { workout_date: 'Mon, 01 Jan 0001 00:00:00 GMT' },
  ],
];

const formatWalk = (change: Partial<FormatPoint> = {}, index = 2): FormatPoint[] =>
  walk(6).map((p, i) => ({
    lat: Number(p.lat),
    lon: Number(p.lon),
    ele: Number(p.ele),
    time: p.time ?? '',
    ...(i === index ? change : {}),
  }));

describe('unusual workout files: 201 or a clear 400, never a crash, never a leftover', () => {
  let t: TestApp;
  let user: User;
  let token: string;
  let watch: RejectionWatch;

  beforeAll(async () => {
    t = await createTestApp({ TILE_SERVER_URL: 'http://127.0.0.1:9/{z}/{x}/{y}.png' });
    user = await createUser(t.dataSource);
    await setTimezone(t, user.id, 'UTC');
    token = firstPartyToken(t.app, user);
    watch = watchUnhandledRejections();
  });
  afterAll(async () => {
    watch.stop();
    await t.close();
  });
  afterEach(async () => {
    await settle();
    expect(watch.reasons).toEqual([]);
    await expectUploadFolderMatchesRows(t);
  });

  /** Sends the upload; it must be refused with `message` and change nothing. */
  async function expectRefused(
    upload: () => request.Test,
    message: string | RegExp,
  ): Promise<void> {
    const before = await countWorkouts(t, user.id);
    const res = await upload();
    if (typeof message === 'string') expectEnvelopeError(res, 400, 'error', message);
    else {
      expect([res.status, res.body.status]).toEqual([400, 'error']);
      expect(res.body.message).toMatch(message);
    }
    expect(await countWorkouts(t, user.id)).toBe(before);
  }

  const workoutsOf = (res: request.Response): Workout[] => {
    expect([res.status, res.body.status]).toEqual([201, 'created']);
    return (res.body as { data: { workouts: Workout[] } }).data.workouts;
  };

  describe('refused', () => {
    it.each(REFUSED)('%s', async (_label, gpx, message) => {
      await expectRefused(() => postWorkoutFile(t, token, gpx), message);
    });

    it.each(REFUSED)('%s, inside a zip after a good file', async (_label, gpx, message) => {
      const zip = await buildZip([
        { name: 'good.gpx', data: GOOD },
        { name: 'unusual.gpx', data: gpx },
      ]);
      await expectRefused(() => postWorkoutFile(t, token, zip, { fileName: 'two.zip' }), message);
    });
  });

  describe('stored', () => {
    it.each(STORED)('%s', async (_label, gpx, expected) => {
      const [workout] = workoutsOf(await postWorkoutFile(t, token, gpx));
      expect(workout).toMatchObject(expected);
      for (const key of ['distance', 'max_speed', 'ave_speed'])
        expect(typeof workout?.[key]).toBe('number');
    });

    it.each(STORED)('%s, inside a zip', async (_label, gpx, expected) => {
      const zip = await buildZip([{ name: 'unusual.gpx', data: gpx }]);
      const [workout] = workoutsOf(await postWorkoutFile(t, token, zip, { fileName: 'one.zip' }));
      expect(workout).toMatchObject(expected);
    });

    it('stores the 1,300 km of the tour and the speeds of the jumps', async () => {
      const [tour] = workoutsOf(await postWorkoutFile(t, token, gpxOf([longTour(1300, 60)])));
      expect(tour?.['distance']).toBeGreaterThan(1290);
      expect(tour?.['distance']).toBeLessThan(1310);
      const [jumps] = workoutsOf(await postWorkoutFile(t, token, gpxOf([teleports(20, 1000)])));
      expect(jumps?.['max_speed']).toBeGreaterThan(5e7);
      expect(jumps?.['distance']).toBeGreaterThan(19 * 16000);
    });
  });

  describe('converted files carry no impossible value through', () => {
    it.each<[string, Buffer, string, RegExp]>([
      [
        'FIT, latitude 91',
        fitOf(formatWalk({ lat: 91 })),
        'x.fit',
        /^gpx file is invalid: latitude 9[01][.\d]* is not within \[-90, 90\] \(track 1, segment 1, point 3\)$/,
      ],
      [
        'FIT, elevation 60 km',
        fitOf(formatWalk({ ele: 60000 })),
        'x.fit',
        /^gpx file is invalid: elevation 60000 m is not within \[-12000, 50000\] m \(track 1, segment 1, point 3\)$/,
      ],
      [
        'KML, elevation 60 km',
        kmlOf(formatWalk({ ele: 60000 })),
        'x.kml',
        /^gpx file is invalid: elevation 60000 m is not within \[-12000, 50000\] m \(track 1, segment 1, point 3\)$/,
      ],
    ])('%s → 400', async (_label, content, fileName, message) => {
      await expectRefused(() => postWorkoutFile(t, token, content, { fileName }), message);
    });

    it.each<[string, Buffer, string, Workout]>([
      [
        'FIT, elevations at 12 km',
        fitOf(formatWalk().map((p) => ({ ...p, ele: 12000 }))),
        'x.fit',
        { max_alt: 12000 },
      ],
      [
        'TCX, a latitude of 91 (the point is skipped, as FitTrackee does)',
        tcxOf(formatWalk({ lat: 91 })),
        'x.tcx',
        {},
      ],
      [
        'TCX, an elevation of 60 km (dropped, as FitTrackee does)',
        tcxOf(formatWalk({ ele: 60000 })),
        'x.tcx',
        { max_alt: 505 },
      ],
      [
        'KML, a longitude of 500 (the point is skipped)',
        kmlOf(formatWalk({ lon: 500 })),
        'x.kml',
        {},
      ],
    ])('%s → 201', async (_label, content, fileName, expected) => {
      const [workout] = workoutsOf(await postWorkoutFile(t, token, content, { fileName }));
      expect(workout).toMatchObject(expected);
    });
  });
});
