import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

const EXAMPLE = join(__dirname, '..', '..', 'examples', 'browser-app');

const FILES: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
};

export interface BrowserAppSite {
  /** The site's origin, e.g. `http://127.0.0.1:40123`. */
  url: string;
  close(): Promise<void>;
}

/**
 * examples/browser-app as a static site on a loopback port of its own (another origin than
 * Pacekeeper's), with `config.json` written from `config` as its README says to (read at each
 * request, so the client id can be filled in once the site's origin is registered).
 */
export async function serveBrowserApp(
  config: Readonly<Record<string, string>>,
): Promise<BrowserAppSite> {
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const served = FILES[path];
    if (path === '/config.json') {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(config));
    } else if (served !== undefined) {
      response.writeHead(200, { 'Content-Type': served.type });
      response.end(readFileSync(join(EXAMPLE, served.file)));
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${String(port)}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}
