import fc from 'fast-check';
import request from 'supertest';
import { expectNotFound } from 'test/helpers/expect-envelope';
import { createTestApp, type TestApp } from 'test/setup/test-app';
import { type FakeServer, startFakeServer } from 'test/unit/files-fake-http';

/** A part of the tile path: numbers, words, path tricks and arbitrary text. */
const part = fc.oneof(
  fc.nat({ max: 30 }).map(String),
  fc.integer({ min: -5, max: 5_000_000 }).map(String),
  fc.constantFrom('..', '../', '..%2f', '%2e%2e', '..\\', '/etc', 'a.evil', '1e3', '0x1', ' 1'),
  fc.string({ minLength: 1, maxLength: 12 }),
);

const isTile = (s: string, z: string, x: string, y: string): boolean =>
  /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i.test(s) &&
  [z, x, y].every((v) => /^\d{1,8}$/.test(v)) &&
  Number(z) <= 22 &&
  Number(x) < 2 ** Number(z) &&
  Number(y) < 2 ** Number(z);

describe('GET /api/workouts/map_tile/{s}/{z}/{x}/{y}.png: only tiles reach the tile server', () => {
  let t: TestApp;
  let tiles: FakeServer;

  beforeAll(async () => {
    // The fake tile server answers with the path it received (text: never cached on disk).
    tiles = await startFakeServer((req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain' }).end(req.url ?? '');
    });
    t = await createTestApp({ TILE_SERVER_URL: `${tiles.url}/{s}/{z}/{x}/{y}.png` });
  });
  afterAll(async () => {
    await t.close();
    await tiles.close();
  });

  const get = (...parts: string[]): request.Test =>
    request(t.http).get(
      `/api/workouts/map_tile/${parts.map((p) => encodeURIComponent(p)).join('/')}.png`,
    );

  it('forwards a tile as its canonical numbers', async () => {
    const res = await get('b', '3', '7', '0');
    expect([res.status, res.text]).toEqual([200, '/b/3/7/0.png']);
  });

  it.each([
    ['a', '..%2f..%2fadmin', '1', '1'],
    ['a', '3', '../4', '5'],
    ['a', '3', '4', '..%2fsecret'],
    ['evil.example', '1', '1', '1'],
    ['..', '1', '1', '1'],
    ['a', '23', '0', '0'],
    ['a', '3', '8', '0'],
    ['a', '3', '0', '-1'],
  ])('answers 404 for %s/%s/%s/%s, asking the tile server nothing', async (...parts) => {
    const before = tiles.requests.length;
    expectNotFound(await get(...parts), 'Map tile does not exist.');
    expect(tiles.requests.length).toBe(before);
  });

  it('never forwards anything but a tile (property, fixed seed)', async () => {
    await fc.assert(
      fc.asyncProperty(part, part, part, part, async (s, z, x, y) => {
        const before = tiles.requests.length;
        const res = await get(s, z, x, y);
        if (isTile(s, z, x, y)) {
          expect([res.status, res.text]).toEqual([200, `/${s}/${+z}/${+x}/${+y}.png`]);
        } else {
          expect(res.status).toBe(404);
          expect(tiles.requests.length).toBe(before);
        }
      }),
      { seed: 1107, numRuns: 200 },
    );
  });
});
