import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { PNG } from 'pngjs';

const TILE = PNG.sync.write(new PNG({ width: 1, height: 1 }));

/** A local tile server (so the tile proxy never leaves the machine): PNG for /z/x/y.png, else 404. */
export async function startTileServer(): Promise<{ server: Server; template: string }> {
  const server = createServer((req, res) => {
    if (/^\/\d+\/\d+\/\d+\.png$/.test(req.url ?? '')) {
      res.writeHead(200, { 'Content-Type': 'image/png' }).end(TILE);
      return;
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('no such tile');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, template: `http://127.0.0.1:${port}/{z}/{x}/{y}.png` };
}
