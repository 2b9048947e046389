import { PNG } from 'pngjs';
import type { User } from 'src/users/user.entity';
import request from 'supertest';
import { firstPartyToken } from 'test/helpers/auth';
import { createUser } from 'test/helpers/factories';
import { postWorkoutFile, readSharedFixture } from 'test/helpers/uploads';
import { createTestApp, type TestApp } from 'test/setup/test-app';
import { type FakeServer, startFakeServer } from 'test/unit/files-fake-http';

const GPX = readSharedFixture('extra', 'fittrackee_gpx_file.gpx');

function greenTile(): Buffer {
  const png = new PNG({ width: 256, height: 256 });
  for (let i = 0; i < png.data.length; i += 4) png.data.set([0, 200, 0, 255], i);
  return PNG.sync.write(png);
}

describe('uploads with a tile server and a weather provider (FitTrackee `GET /api/workouts/<workout_id>`, `GET /api/workouts/map_tile/<s>/<z>/<x>/<y>.png`, docs/uploads.md#files)', () => {
  let t: TestApp;
  let user: User;
  let token: string;
  let tiles: FakeServer;
  let weather: FakeServer;
  let isWeatherBroken = false;
  const tile = greenTile();

  beforeAll(async () => {
    tiles = await startFakeServer((req, res) => {
      if (req.url?.startsWith('/missing/')) {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('no tile');
        return;
      }
      res.writeHead(200, { 'Content-Type': 'image/png' }).end(tile);
    });
    weather = await startFakeServer((_req, res) => {
      if (isWeatherBroken) {
        res.writeHead(500).end('down');
        return;
      }
      const currentConditions = {
        humidity: 69,
        icon: 'partly-cloudy-day',
        temp: 12.3,
        windspeed: 12.564,
        winddir: 315,
      };
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ currentConditions }));
    });
    t = await createTestApp({
      TILE_SERVER_URL: `${tiles.url}/{s}/{z}/{x}/{y}.png`,
      WEATHER_API_PROVIDER: 'visualcrossing',
      WEATHER_API_KEY: 'test-key',
      WEATHER_API_URL: weather.url,
    });
    user = await createUser(t.dataSource);
    token = firstPartyToken(t.app, user);
  });
  afterAll(async () => {
    await t.close();
    await tiles.close();
    await weather.close();
  });

  it('weather at start and end, from Visual Crossing with the rounded hour', async () => {
    const res = await postWorkoutFile(t, token, GPX, { fileName: 'w.gpx' }).expect(201);
    const [workout] = res.body.data.workouts;
    const expected = {
      humidity: 0.69,
      icon: 'partly-cloudy-day',
      temperature: 12.3,
      wind: 3.49,
      windBearing: 315,
    };
    expect(workout.weather_start).toEqual(expected);
    expect(workout.weather_end).toEqual(expected);
    const urls = weather.requests.map((r) => r.url ?? '');
    // 12:44:45 UTC rounds to 13:00 (1520946000); the end 12:48:55 too.
    expect(urls[0]).toMatch(/^\/timeline\/44\.68095,6\.07367\/1520946000\?key=test-key&/);
    expect(urls[0]).toContain('unitGroup=metric');
    expect(urls[0]).toContain('include=current');
  });

  it('a failing weather provider leaves the weather null, the upload succeeds', async () => {
    isWeatherBroken = true;
    const res = await postWorkoutFile(t, token, GPX, { fileName: 'w.gpx' }).expect(201);
    isWeatherBroken = false;
    expect(res.body.data.workouts[0].weather_start).toBeNull();
  });

  it('the static map is drawn over the tiles', async () => {
    const res = await postWorkoutFile(t, token, GPX, { fileName: 'm.gpx' }).expect(201);
    const map = await request(t.http)
      .get(`/api/workouts/map/${res.body.data.workouts[0].map}`)
      .expect(200);
    const png = PNG.sync.read(map.body as Buffer);
    expect([png.width, png.height]).toEqual([400, 225]);
    expect([...png.data.subarray(0, 3)]).toEqual([0, 200, 0]);
    expect(tiles.requests.some((r) => r.headers['user-agent'] === 'FitTrackee v0.7.32')).toBe(true);
  });

  it('tile proxy: public, upstream status, type and body unchanged (FitTrackee `GET /api/workouts/map_tile/<s>/<z>/<x>/<y>.png`)', async () => {
    const ok = await request(t.http).get('/api/workouts/map_tile/a/12/2048/1361.png').expect(200);
    expect(ok.headers['content-type']).toBe('image/png');
    expect(ok.body).toEqual(tile);
    const last = tiles.requests[tiles.requests.length - 1];
    expect(last?.url).toBe('/a/12/2048/1361.png');
    expect(last?.headers['user-agent']).toBe('Mozilla/5.0 (X11; Linux x86_64; rv:88.0)');
    const missing = await request(t.http).get('/api/workouts/map_tile/missing/2/2/3.png');
    expect([missing.status, missing.headers['content-type'], missing.text]).toEqual([
      404,
      'text/plain',
      'no tile',
    ]);
  });
});
