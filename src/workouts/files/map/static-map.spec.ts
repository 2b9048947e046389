import { ConfigService } from '@nestjs/config';
import { PNG } from 'pngjs';
import { computeMapId } from 'src/workouts/files/map/map-id';
import { StaticMapService } from 'src/workouts/files/map/static-map.service';
import { layoutMap, STATIC_MAP_SIZE } from 'src/workouts/files/map/static-map-layout';
import { staticMapTemplate } from 'src/workouts/files/map/tile-url';
import { buildTestConfig } from 'test/setup/test-config';
import { closedPortUrl, type FakeServer, startFakeServer } from 'test/unit/files-fake-http';

const GREEN = [0, 160, 0];
const TILE = ((): Buffer => {
  const png = new PNG({ width: 256, height: 256 });
  for (let i = 0; i < 256 * 256; i++) png.data.set([...GREEN, 255], i * 4);
  return PNG.sync.write(png, { filterType: 1 });
})();
const lats = [45.0, 45.01, 45.02, 45.015];
const lons = [6.0, 6.02, 6.01, 5.99];

function pixel(png: Buffer, x: number, y: number): number[] {
  const image = PNG.sync.read(png);
  const i = (y * image.width + x) * 4;
  return [image.data[i]!, image.data[i + 1]!, image.data[i + 2]!];
}

function service(tileServer: string): StaticMapService {
  return new StaticMapService(
    new ConfigService(buildTestConfig({ TILE_SERVER_URL: `${tileServer}/{z}/{x}/{y}.png` })),
  );
}

describe('layoutMap', () => {
  it('fits the track inside the padded 400 × 225 image at the highest zoom', () => {
    const { zoom, points, tiles } = layoutMap(lats, lons);
    expect(zoom).toBe(13);
    const xs = points.filter((_, i) => i % 2 === 0);
    const ys = points.filter((_, i) => i % 2 === 1);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(10);
    expect(Math.max(...xs)).toBeLessThanOrEqual(390);
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(10);
    expect(Math.max(...ys)).toBeLessThanOrEqual(215);
    expect(tiles.length).toBeGreaterThanOrEqual(2);
    expect(tiles.every((t) => t.left > -256 && t.left < 400 && t.top > -256 && t.top < 225)).toBe(
      true,
    );
  });

  it('centres a single point at the maximum zoom', () => {
    const { zoom, points } = layoutMap([45], [6]);
    expect(zoom).toBe(17);
    expect(Math.abs(points[0]! - STATIC_MAP_SIZE.width / 2)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(points[1]! - STATIC_MAP_SIZE.height / 2)).toBeLessThanOrEqual(0.5);
  });
});

describe('staticMapTemplate', () => {
  it('drops "{s}." without sub-domains and picks one otherwise', () => {
    expect(staticMapTemplate('https://{s}.tile.example/{z}/{x}/{y}.png', [])).toBe(
      'https://tile.example/{z}/{x}/{y}.png',
    );
    expect(staticMapTemplate('https://{s}.tile.example/{z}', ['b'])).toBe(
      'https://b.tile.example/{z}',
    );
  });
});

describe('StaticMapService', () => {
  let server: FakeServer;
  let mode: 'ok' | 'missing' | 'hang';
  beforeAll(async () => {
    server = await startFakeServer((req, res) => {
      if (mode === 'hang') return;
      if (mode === 'missing' && server.requests.length === 1) res.writeHead(404).end();
      else res.writeHead(200, { 'Content-Type': 'image/png' }).end(TILE);
    });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    mode = 'ok';
    server.requests.length = 0;
  });

  it('draws the track over the tiles, sends the spec user agent, then uses the disk cache', async () => {
    const maps = service(server.url);
    const png = await maps.render(lats, lons);
    const image = PNG.sync.read(png);
    expect([image.width, image.height]).toEqual([400, 225]);
    expect(pixel(png, 1, 1)).toEqual(GREEN);
    const { points } = layoutMap(lats, lons);
    expect(pixel(png, Math.floor(points[0]!), Math.floor(points[1]!))).toEqual([0x33, 0x88, 0xff]);
    expect(server.requests[0]!.headers['user-agent']).toBe('FitTrackee v0.7.32');
    const fetched = server.requests.length;
    expect(fetched).toBe(layoutMap(lats, lons).tiles.length);
    await maps.render(lats, lons);
    expect(server.requests).toHaveLength(fetched);
  });

  it('falls back to a track-only image when a tile is missing', async () => {
    mode = 'missing';
    const png = await service(server.url).render(lats, lons);
    expect(server.requests.length).toBeGreaterThan(1);
    for (const [x, y] of [
      [1, 1],
      [399, 0],
      [0, 224],
      [399, 224],
    ] as const) {
      expect(pixel(png, x, y)).toEqual([0xf2, 0xef, 0xe9]);
    }
  });

  it('falls back quickly when the tile server is down, and stops asking for a while', async () => {
    const maps = service(await closedPortUrl());
    const started = performance.now();
    const png = await maps.render(lats, lons);
    expect(performance.now() - started).toBeLessThan(1500);
    expect(pixel(png, 1, 1)).toEqual([0xf2, 0xef, 0xe9]);
    expect(PNG.sync.read(png).width).toBe(400);
    expect(computeMapId(png)).toMatch(/^[0-9a-f]{32}$/);
  });

  it('never stalls on a tile server that does not answer', async () => {
    mode = 'hang';
    const maps = service(server.url);
    const started = performance.now();
    const png = await maps.render([46, 46.01], [7, 7.01]);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(1900);
    expect(elapsed).toBeLessThan(5000);
    expect(pixel(png, 1, 1)).toEqual([0xf2, 0xef, 0xe9]);
    const again = performance.now();
    await maps.render([46, 46.01], [7, 7.01]);
    expect(performance.now() - again).toBeLessThan(1500);
  });

  it('draws a long track as one closed line (speed is measured by the bench, not here)', async () => {
    const count = 100_000;
    const [la, lo] = [new Float64Array(count), new Float64Array(count)];
    for (let i = 0; i < count; i++) {
      la[i] = 45 + 0.01 * Math.sin((i / (count - 1)) * 2 * Math.PI);
      lo[i] = 6 + 0.014 * Math.cos((i / (count - 1)) * 2 * Math.PI);
    }
    const png = await service(await closedPortUrl()).render(la, lo);
    const { points } = layoutMap(la, lo);
    const quarter = Math.floor(count / 4);
    expect(
      pixel(png, Math.floor(points[2 * quarter]!), Math.floor(points[2 * quarter + 1]!)),
    ).toEqual([0x33, 0x88, 0xff]);
    expect(pixel(png, 200, 112)).toEqual([0xf2, 0xef, 0xe9]);
  });
});
