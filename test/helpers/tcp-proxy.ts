import { connect, createServer, type Server, type Socket } from 'node:net';

/** PostgreSQL's CommandComplete message for COMMIT: `C`, length 11, `COMMIT\0`. */
const COMMIT_COMPLETE = Buffer.concat([
  Buffer.from([0x43, 0, 0, 0, 11]),
  Buffer.from('COMMIT\0', 'latin1'),
]);

interface Link {
  client: Socket;
  server: Socket;
  /** The client sent the trap's marker since this link's last COMMIT. */
  sentMarker: boolean;
}

/**
 * A TCP proxy between the application and PostgreSQL that the test controls: `cut` drops every
 * connection and refuses new ones (the port is closed), `restore` listens again on the same
 * port; `loseNextCommitAnswer` lets the next COMMIT reach PostgreSQL, then drops the
 * connection before its answer reaches the application (a commit whose answer was lost).
 */
export class TcpProxy {
  private readonly links = new Set<Link>();
  private server: Server;
  /** Sees each COMMIT answer; true to lose it. */
  private commitTrap: ((link: Link) => boolean) | undefined;
  /** SQL text that marks the transactions the trap counts; every one when undefined. */
  private commitMarker: Buffer | undefined;
  port = 0;

  private constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {
    this.server = this.newServer();
  }

  static async start(target: URL): Promise<TcpProxy> {
    const proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    await proxy.listen(0);
    return proxy;
  }

  /** `url` with its host and port replaced by the proxy's. */
  route(url: string): string {
    const routed = new URL(url);
    routed.hostname = '127.0.0.1';
    routed.port = String(this.port);
    return routed.toString();
  }

  async cut(): Promise<void> {
    if (!this.server.listening) return;
    const closed = new Promise<void>((resolve) =>
      this.server.close(() => {
        resolve();
      }),
    );
    for (const link of this.links) this.drop(link);
    await closed;
  }

  async restore(): Promise<void> {
    if (this.server.listening) return;
    this.server = this.newServer();
    await this.listen(this.port);
  }

  /**
   * Resolves once a COMMIT (after `after` others) was answered by PostgreSQL and that answer
   * thrown away with the connection; `onLost` runs synchronously at that moment, before the
   * application can see anything (e.g. to kill it). With `ofTransactionsSending`, only the
   * COMMITs of transactions whose SQL contained that text count, on whichever connection.
   */
  loseNextCommitAnswer(
    onLost?: () => void,
    { after = 0, ofTransactionsSending }: { after?: number; ofTransactionsSending?: string } = {},
  ): Promise<void> {
    let commits = after;
    this.commitMarker =
      ofTransactionsSending === undefined ? undefined : Buffer.from(ofTransactionsSending, 'utf8');
    return new Promise((resolve) => {
      this.commitTrap = (link) => {
        // Another transaction (a background job's, say) is not one of those counted.
        if (this.commitMarker !== undefined && !link.sentMarker) return false;
        if (commits-- > 0) return false;
        this.commitTrap = undefined;
        this.commitMarker = undefined;
        onLost?.();
        resolve();
        return true;
      };
    });
  }

  async close(): Promise<void> {
    await this.cut().catch(() => undefined);
  }

  private newServer(): Server {
    return createServer((client) => {
      const server = connect(this.targetPort, this.targetHost);
      const link: Link = { client, server, sentMarker: false };
      this.links.add(link);
      let tail = Buffer.alloc(0);
      let sentTail = Buffer.alloc(0);
      client.on('data', (chunk) => {
        const marker = this.commitMarker;
        if (marker !== undefined) {
          const sent = Buffer.concat([sentTail, chunk]);
          if (sent.includes(marker)) link.sentMarker = true;
          // Shorter than the marker: text split across chunks is still seen.
          sentTail = sent.subarray(Math.max(0, sent.length - marker.length + 1));
        }
        server.write(chunk);
      });
      server.on('data', (chunk) => {
        if (this.commitTrap !== undefined) {
          const seen = Buffer.concat([tail, chunk]);
          if (seen.includes(COMMIT_COMPLETE)) {
            if (this.commitTrap(link)) {
              this.drop(link);
              return;
            }
            link.sentMarker = false;
          }
          // Shorter than the pattern: a COMMIT split across chunks is seen once, never twice.
          tail = seen.subarray(1 - COMMIT_COMPLETE.length);
        }
        client.write(chunk);
      });
      for (const socket of [client, server]) {
        socket.on('error', () => {
          this.drop(link);
        });
        socket.on('close', () => {
          this.drop(link);
        });
      }
    });
  }

  private drop(link: Link): void {
    this.links.delete(link);
    link.client.destroy();
    link.server.destroy();
  }

  private listen(port: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => {
        const address = this.server.address();
        if (address !== null && typeof address === 'object') this.port = address.port;
        resolve();
      });
    });
  }
}
