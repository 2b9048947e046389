import { type ChildProcess, spawn } from 'node:child_process';

import { listensOn } from 'test/helpers/listening-process';
import { freePort, statusOf } from 'test/helpers/local-ports';
import { transpiledServer } from 'test/helpers/transpiled-server';

const START_TIMEOUT_MS = 60_000;

/**
 * The real server (`main.ts`, transpiled) in a process of its own, as `npm start` runs it: a
 * test can kill it with SIGKILL and start it again on the same database and upload folder.
 */
export class ChildServer {
  private constructor(
    private readonly process: ChildProcess,
    readonly base: string,
    private readonly port: number,
  ) {}

  /** Resolves once the server answers `GET /api/ping`, i.e. once it listens. */
  static async start(
    env: Record<string, string>,
    /** The server's main.js: by default the quickly transpiled sources. */
    main: string = transpiledServer(),
    /** The command that runs `node main.js`, e.g. inside a namespace: by default, itself. */
    launcher: (argv: readonly string[]) => readonly string[] = (argv) => argv,
  ): Promise<ChildServer> {
    const port = await freePort();
    const [command = process.execPath, ...args] = launcher([process.execPath, main]);
    const child = spawn(command, args, {
      env: {
        PATH: process.env['PATH'] ?? '',
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(port),
        LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
        // One process, as these tests observe it; a test of the cluster sets its own count.
        WEB_CONCURRENCY: '1',
        ...env,
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const server = new ChildServer(child, `http://127.0.0.1:${port}`, port);
    try {
      await server.waitUntilListening();
    } catch (error) {
      // Another server took the port first (EADDRINUSE): try again on another one.
      if (error instanceof PortTakenError) return ChildServer.start(env, main, launcher);
      throw error;
    }
    return server;
  }

  get pid(): number {
    return this.process.pid ?? 0;
  }

  /** SIGTERM without waiting: the graceful shutdown runs while the test keeps going. */
  terminate(): void {
    this.process.kill('SIGTERM');
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed or cleaned. */
  kill(): void {
    this.process.kill('SIGKILL');
  }

  exited(): Promise<void> {
    if (this.process.exitCode !== null || this.process.signalCode !== null)
      return Promise.resolve();
    return new Promise((resolve) =>
      this.process.once('exit', () => {
        resolve();
      }),
    );
  }

  async stop(): Promise<void> {
    const exited = this.exited();
    this.process.kill('SIGTERM');
    const timer = setTimeout(() => this.process.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }

  private async waitUntilListening(): Promise<void> {
    const deadline = Date.now() + START_TIMEOUT_MS;
    let answered = false;
    while (Date.now() < deadline) {
      if (this.process.exitCode !== null) {
        // A server answered but not this one, which then failed to bind: the port was taken.
        if (answered) throw new PortTakenError();
        throw new Error(`server exited with ${this.process.exitCode}`);
      }
      if ((await statusOf(`${this.base}/api/ping`)) === 200) {
        // The answer may come from another server on the port (listening-process.ts).
        if (listensOn(this.pid, this.port)) return;
        answered = true;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    this.process.kill('SIGKILL');
    throw new Error(`server did not listen within ${START_TIMEOUT_MS} ms`);
  }
}

class PortTakenError extends Error {
  constructor() {
    super('another server listens on the port');
  }
}
