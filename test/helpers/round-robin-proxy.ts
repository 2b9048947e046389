import {
  createServer,
  type IncomingMessage,
  request as httpRequest,
  type Server,
  type ServerResponse,
} from 'node:http';

/** Response header naming the backend (its index) that answered, for the tests to assert on. */
export const BACKEND_HEADER = 'x-test-backend';

/**
 * A load balancer in miniature: each request goes to the next backend in turn, on a new
 * connection, with `X-Forwarded-For` set as a real proxy sets it (the instances run with
 * TRUST_PROXY). A backend that refuses the connection (stopped) is skipped; the request is
 * buffered first, so it can be sent again to the next one.
 */
export class RoundRobinProxy {
  private next = 0;
  private readonly server: Server;
  port = 0;

  private constructor(private readonly backends: readonly string[]) {
    this.server = createServer((req, res) => void this.forward(req, res));
  }

  static async start(backends: readonly string[]): Promise<RoundRobinProxy> {
    const proxy = new RoundRobinProxy(backends);
    await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
    const address = proxy.server.address();
    proxy.port = typeof address === 'object' && address !== null ? address.port : 0;
    return proxy;
  }

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) =>
      this.server.close(() => {
        resolve();
      }),
    );
  }

  private async forward(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    for (let tries = 0; tries < this.backends.length; tries++) {
      const index = this.next;
      this.next = (this.next + 1) % this.backends.length;
      const outcome = await this.send(index, req, body, res);
      if (outcome !== 'refused') return;
    }
    res.writeHead(502, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: 'error', message: 'no backend available' }));
  }

  private send(
    index: number,
    req: IncomingMessage,
    body: Buffer,
    res: ServerResponse,
  ): Promise<'done' | 'refused'> {
    const target = new URL(req.url ?? '/', this.backends[index]);
    return new Promise((resolve) => {
      const upstream = httpRequest(
        target,
        {
          method: req.method,
          agent: false,
          headers: {
            ...withoutFraming(req.headers),
            'content-length': String(body.length),
            'x-forwarded-for': req.socket.remoteAddress ?? '127.0.0.1',
            connection: 'close',
          },
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, {
            ...answer.headers,
            [BACKEND_HEADER]: String(index),
          });
          answer.pipe(res);
          answer.on('end', () => {
            resolve('done');
          });
        },
      );
      upstream.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'ECONNREFUSED') {
          resolve('refused');
          return;
        }
        if (!res.headersSent) res.writeHead(502);
        res.end();
        resolve('done');
      });
      upstream.end(body);
    });
  }
}

/** The body is sent whole, with its own length: the client's framing headers do not apply. */
function withoutFraming(headers: IncomingMessage['headers']): IncomingMessage['headers'] {
  const { 'transfer-encoding': _encoding, connection: _connection, ...rest } = headers;
  return rest;
}
