import { ConfigService } from '@nestjs/config';
import { NotFoundError } from 'src/common/errors/http-errors';
import { parseTileCoordinates } from 'src/workouts/files/map/tile-coordinates';
import { TileProxyService, TileUnavailableError } from 'src/workouts/files/map/tile-proxy.service';
import { buildTestConfig } from 'test/setup/test-config';
import { closedPortUrl, type FakeServer, startFakeServer } from 'test/unit/files-fake-http';

const proxy = (template: string): TileProxyService =>
  new TileProxyService(new ConfigService(buildTestConfig({ TILE_SERVER_URL: template })));

describe('parseTileCoordinates', () => {
  it.each([
    [
      { s: 'a', z: '0', x: '0', y: '0' },
      { s: 'a', z: 0, x: 0, y: 0 },
    ],
    [
      { s: 'tile-1', z: '3', x: '7', y: '5' },
      { s: 'tile-1', z: 3, x: 7, y: 5 },
    ],
    [
      { s: 'c', z: '22', x: '4194303', y: '0' },
      { s: 'c', z: 22, x: 4194303, y: 0 },
    ],
  ])('accepts %j', (raw, tile) => {
    expect(parseTileCoordinates(raw)).toEqual(tile);
  });

  it.each([
    { s: 'a', z: '3', x: '../4', y: '5' },
    { s: 'a', z: '..', x: '1', y: '1' },
    { s: '..', z: '1', x: '1', y: '1' },
    { s: 'a.evil', z: '1', x: '1', y: '1' },
    { s: '-a', z: '1', x: '1', y: '1' },
    { s: 'a', z: '23', x: '0', y: '0' },
    { s: 'a', z: '3', x: '8', y: '0' },
    { s: 'a', z: '3', x: '0', y: '8' },
    { s: 'a', z: '-1', x: '0', y: '0' },
    { s: 'a', z: '1.5', x: '0', y: '0' },
    { s: 'a', z: '1e1', x: '0', y: '0' },
    { s: 'a', z: ' 1', x: '0', y: '0' },
    { s: 'a', z: '1', x: '0x1', y: '0' },
    { s: 'a', z: '1', x: '', y: '0' },
  ])('refuses %j', (raw) => {
    expect(parseTileCoordinates(raw)).toBeNull();
  });
});

describe('TileProxyService', () => {
  let server: FakeServer;
  beforeAll(async () => {
    server = await startFakeServer((req, res) => {
      if (req.url?.includes('/404/'))
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('nope');
      else res.writeHead(200, { 'Content-Type': 'image/png' }).end(Buffer.from(`tile ${req.url}`));
    });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
  });

  it('substitutes the parts and returns the upstream answer with FitTrackee’s user agent', async () => {
    const tiles = proxy(`${server.url}/{s}/{z}/{x}/{y}.png`);
    const tile = await tiles.getTile({ s: 'a', z: '3', x: '4', y: '5' });
    expect(tile).toEqual({
      status: 200,
      contentType: 'image/png',
      body: Buffer.from('tile /a/3/4/5.png'),
    });
    expect(server.requests[0]!.headers['user-agent']).toBe(
      'Mozilla/5.0 (X11; Linux x86_64; rv:88.0)',
    );
  });

  it('serves a second request for the same tile from the disk cache', async () => {
    const tiles = proxy(`${server.url}/{s}/{z}/{x}/{y}.png`);
    await tiles.getTile({ s: 'b', z: 1, x: 1, y: 1 });
    const again = await tiles.getTile({ s: 'b', z: 1, x: 1, y: 1 });
    expect(again.body).toEqual(Buffer.from('tile /b/1/1/1.png'));
    expect(server.requests).toHaveLength(1);
  });

  it('passes upstream errors through unchanged and does not cache them', async () => {
    const tiles = proxy(`${server.url}/{s}/{z}/{x}/{y}.png`);
    const first = await tiles.getTile({ s: '404', z: 1, x: 1, y: 1 });
    expect(first).toEqual({ status: 404, contentType: 'text/plain', body: Buffer.from('nope') });
    await tiles.getTile({ s: '404', z: 1, x: 1, y: 1 });
    expect(server.requests).toHaveLength(2);
  });

  it('answers 404 for parts that name no tile, without asking the tile server', async () => {
    const tiles = proxy(`${server.url}/{s}/{z}/{x}/{y}.png`);
    const error = await tiles
      .getTile({ s: 'a', z: '3', x: '../4', y: '5' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(server.requests).toHaveLength(0);
  });

  it('answers 502 when the tile server cannot be reached', async () => {
    const tiles = proxy(`${await closedPortUrl()}/{z}/{x}/{y}.png`);
    const error = await tiles.getTile({ s: 'a', z: 1, x: 1, y: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TileUnavailableError);
    expect((error as TileUnavailableError).httpStatus).toBe(502);
  });
});
