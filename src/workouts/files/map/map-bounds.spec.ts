import { ConfigService } from '@nestjs/config';
import fc from 'fast-check';
import { PNG } from 'pngjs';
import { RasterCanvas } from 'src/workouts/files/map/raster-canvas';
import { StaticMapService } from 'src/workouts/files/map/static-map.service';
import {
  layoutMap,
  MapLayoutError,
  maxTiles,
  STATIC_MAP_SIZE,
} from 'src/workouts/files/map/static-map-layout';
import { buildTestConfig } from 'test/setup/test-config';
import { type FakeServer, startFakeServer } from 'test/unit/files-fake-http';

const BLUE = [0x33, 0x88, 0xff];

/** The static map's cost must not depend on the coordinates it is given. */
describe('static map bounds', () => {
  it.each<[string, number, number]>([
    ['lon -1e308 (once 4.6 GB of tile references)', 45.001, -1e308],
    ['lon 500', 45.001, 500],
    ['lat 91', 91, 6],
    ['lat NaN', NaN, 6],
    ['lon -Infinity', 45, -Infinity],
  ])('refuses a point off the globe at once: %s', (_label, lat, lon) => {
    const started = performance.now();

    expect(() => layoutMap([45, lat, 45.002], [6, lon, 6.002])).toThrow(MapLayoutError);
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('never lays out more tiles than the image can show, wherever the points are', () => {
    expect(maxTiles(STATIC_MAP_SIZE)).toBe(6);
    const lat = fc.double({ min: -90, max: 90, noNaN: true });
    const lon = fc.double({ min: -180, max: 180, noNaN: true });
    const track = fc.array(fc.tuple(lat, lon), { minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(track, (points) => {
        const layout = layoutMap(
          points.map(([la]) => la),
          points.map(([, lo]) => lo),
        );
        expect(layout.tiles.length).toBeLessThanOrEqual(6);
        expect(layout.tiles.every((t) => Number.isSafeInteger(t.x + t.y))).toBe(true);
      }),
      { seed: 11, numRuns: 500 },
    );
  });

  it.each<[string, number[], number[]]>([
    ['both poles', [90, -90], [0, 0]],
    ['across the antimeridian', [-16.5, -16.6], [179.99, -179.99]],
    ['the corners of the world', [90, -90, 90, -90], [-180, 180, 180, -180]],
  ])('lays out %s within the tile cap', (_label, lats, lons) => {
    const layout = layoutMap(lats, lons);
    expect(layout.tiles.length).toBeGreaterThan(0);
    expect(layout.tiles.length).toBeLessThanOrEqual(6);
  });

  it('draws only the visible part of a line to a point far outside the image', () => {
    const canvas = new RasterCanvas(400, 225, [0, 0, 0]);
    const started = performance.now();
    const points = new Float64Array([10, 100, 1e300, 100, NaN, 5, -Infinity, 50]);
    canvas.strokePolyline(points, [0x33, 0x88, 0xff], 4);
    expect(performance.now() - started).toBeLessThan(200);
    const image = PNG.sync.read(canvas.toPng());
    const at = (x: number, y: number): number[] => {
      const i = (y * 400 + x) * 4;
      return [...image.data.subarray(i, i + 3)];
    };
    expect(at(200, 100)).toEqual(BLUE);
    expect(at(399, 100)).toEqual(BLUE);
    expect(at(200, 5)).toEqual([0, 0, 0]);
  });

  describe('StaticMapService', () => {
    let server: FakeServer;
    beforeAll(async () => {
      server = await startFakeServer((_req, res) => res.writeHead(404).end());
    });
    afterAll(() => server.close());

    it('refuses to draw a track off the globe without asking for a tile', async () => {
      const config = buildTestConfig({ TILE_SERVER_URL: `${server.url}/{z}/{x}/{y}.png` });
      const maps = new StaticMapService(new ConfigService(config));

      await expect(maps.render([45, 45.001], [6, -1e308])).rejects.toThrow(MapLayoutError);
      expect(server.requests).toHaveLength(0);
    });
  });
});
