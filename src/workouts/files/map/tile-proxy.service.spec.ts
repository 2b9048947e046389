import { ConfigService } from '@nestjs/config';
import { TileProxyService, TileUnavailableError } from 'src/workouts/files/map/tile-proxy.service';
import { secureFilename } from 'src/workouts/files/map/tile-url';
import { buildTestConfig } from 'test/setup/test-config';
import { closedPortUrl, type FakeServer, startFakeServer } from 'test/unit/files-fake-http';

const proxy = (template: string): TileProxyService =>
  new TileProxyService(new ConfigService(buildTestConfig({ TILE_SERVER_URL: template })));

describe('secureFilename', () => {
  it.each([
    ['12', '12'],
    ['../../etc/passwd', 'etc_passwd'],
    ['a b\tc', 'a_b_c'],
    ['é?x*', 'ex'],
    ['._hidden_.', 'hidden'],
  ])('%j → %j', (input, expected) => {
    expect(secureFilename(input)).toBe(expected);
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

  it('substitutes the sanitised parts and returns the upstream answer with the §3.8 user agent', async () => {
    const tiles = proxy(`${server.url}/{s}/{z}/{x}/{y}.png`);
    const tile = await tiles.getTile({ s: 'a', z: '3', x: '../4', y: '5' });
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

  it('answers 502 when the tile server cannot be reached', async () => {
    const tiles = proxy(`${await closedPortUrl()}/{z}/{x}/{y}.png`);
    const error = await tiles.getTile({ s: 'a', z: 1, x: 1, y: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TileUnavailableError);
    expect((error as TileUnavailableError).httpStatus).toBe(502);
  });
});
