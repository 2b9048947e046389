import { httpGet } from 'src/workouts/files/http/http-get';
import { type FakeServer, startFakeServer } from 'test/unit/files-fake-http';

describe('httpGet', () => {
  let server: FakeServer;
  beforeAll(async () => {
    server = await startFakeServer((req, res) => {
      if (req.url === '/cut') {
        // Headers promise 1000 bytes; the connection ends after 10.
        res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': '1000' });
        res.write(Buffer.alloc(10));
        setTimeout(() => res.socket?.destroy(), 20);
        return;
      }
      res.writeHead(200, { 'Content-Type': 'text/plain' }).end('whole');
    });
  });
  afterAll(() => server.close());

  it('returns a whole answer', async () => {
    const answer = await httpGet(`${server.url}/whole`, { timeoutMs: 2000 });

    expect([answer.status, answer.body.toString()]).toEqual([200, 'whole']);
  });

  it('rejects an answer cut short, well before its deadline', async () => {
    const started = performance.now();

    await expect(httpGet(`${server.url}/cut`, { timeoutMs: 5000 })).rejects.toThrow();
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
