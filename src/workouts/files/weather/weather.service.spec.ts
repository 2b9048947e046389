import { ConfigService } from '@nestjs/config';
import { WeatherService } from 'src/workouts/files/weather/weather.service';
import { roundToNearestHour } from 'src/workouts/files/weather/weather-data';
import { buildTestConfig } from 'test/setup/test-config';
import { closedPortUrl, type FakeServer, startFakeServer } from 'test/unit/files-fake-http';

const answer = {
  currentConditions: {
    icon: 'partly-cloudy-day',
    temp: 12.3,
    humidity: 69,
    windspeed: 12.564,
    winddir: 315,
  },
};
const start = { latitude: 44.68095, longitude: 6.07367, time: new Date('2018-03-13T12:44:45Z') };
const end = { latitude: 44.67837, longitude: 6.07435, time: new Date('2018-03-13T13:29:10Z') };

function weather(url: string, env: Record<string, string> = {}): WeatherService {
  return new WeatherService(
    new ConfigService(
      buildTestConfig({
        WEATHER_API_PROVIDER: 'visualcrossing',
        WEATHER_API_KEY: 'secret-key',
        WEATHER_API_URL: url,
        ...env,
      }),
    ),
  );
}

describe('roundToNearestHour', () => {
  it.each([
    ['2018-03-13T12:29:59Z', '2018-03-13T12:00:00.000Z'],
    ['2018-03-13T12:30:00Z', '2018-03-13T13:00:00.000Z'],
    ['2018-12-31T23:45:00Z', '2019-01-01T00:00:00.000Z'],
  ])('%s → %s', (time, expected) => {
    expect(roundToNearestHour(new Date(time)).toISOString()).toBe(expected);
  });
});

describe('WeatherService', () => {
  let server: FakeServer;
  let reply: (res: import('node:http').ServerResponse) => void;
  beforeAll(async () => {
    server = await startFakeServer((_req, res) => {
      reply(res);
    });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
    reply = (res) =>
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(answer));
  });

  it('asks the timeline API for the rounded hours and converts units (weather of FitTrackee `GET /api/workouts/<workout_id>`)', async () => {
    const result = await weather(`${server.url}/vc`).getWorkoutWeather(start, end);
    const expected = {
      icon: 'partly-cloudy-day',
      temperature: 12.3,
      humidity: 0.69,
      windBearing: 315,
    };
    expect(result.weatherStart).toEqual({ ...expected, wind: expect.closeTo(3.49, 6) });
    expect(result.weatherEnd).toEqual({ ...expected, wind: expect.closeTo(3.49, 6) });
    const urls = server.requests
      .map((r) => new URL(r.url!, server.url))
      .sort((a, b) => a.pathname.localeCompare(b.pathname));
    expect(urls.map((u) => u.pathname)).toEqual([
      `/vc/timeline/44.67837,6.07435/${Date.parse('2018-03-13T13:00:00Z') / 1000}`,
      `/vc/timeline/44.68095,6.07367/${Date.parse('2018-03-13T13:00:00Z') / 1000}`,
    ]);
    expect(Object.fromEntries(urls[0]!.searchParams)).toEqual({
      key: 'secret-key',
      iconSet: 'icons1',
      unitGroup: 'metric',
      contentType: 'json',
      elements:
        'datetime,datetimeEpoch,temp,humidity,windspeed,winddir,conditions,description,icon',
      include: 'current',
    });
  });

  it('is disabled without a key or with another provider', async () => {
    const envs: Record<string, string>[] = [
      { WEATHER_API_KEY: '' },
      { WEATHER_API_PROVIDER: 'darksky' },
    ];
    for (const env of envs) {
      const service = weather(server.url, env);
      expect(service.isEnabled()).toBe(false);
      await expect(service.getWeather(start)).resolves.toBeNull();
    }
    expect(server.requests).toHaveLength(0);
  });

  it.each([
    ['an error status', (res: import('node:http').ServerResponse) => res.writeHead(500).end('{}')],
    ['invalid JSON', (res: import('node:http').ServerResponse) => res.writeHead(200).end('<html>')],
    [
      'missing values',
      (res: import('node:http').ServerResponse) =>
        res.writeHead(200).end(JSON.stringify({ currentConditions: { icon: 'rain', temp: null } })),
    ],
    ['a dropped connection', (res: import('node:http').ServerResponse) => res.destroy()],
  ])('returns null on %s', async (_label, handler) => {
    reply = handler;
    await expect(weather(server.url).getWorkoutWeather(start, end)).resolves.toEqual({
      weatherStart: null,
      weatherEnd: null,
    });
  });

  it('returns null when the provider is unreachable', async () => {
    await expect(weather(await closedPortUrl()).getWeather(start)).resolves.toBeNull();
  });

  it('returns null after the timeout when the provider never answers', async () => {
    reply = () => undefined;
    const started = performance.now();
    await expect(weather(server.url).getWeather(start)).resolves.toBeNull();
    expect(performance.now() - started).toBeLessThan(8000);
  }, 15_000);
});
