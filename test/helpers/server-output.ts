import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';

import { transpiledServer } from 'test/helpers/transpiled-server';

/** The real server in a child process with its stdout and stderr captured (not a terminal). */
export class ServerOutput {
  stdout = '';
  stderr = '';
  private readonly started = Date.now();

  private constructor(private readonly child: ChildProcess) {
    child.stdout?.on('data', (chunk: Buffer) => (this.stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
  }

  /** `entry`: `main.js` (the API server) or `worker.js` (`npm run worker`). */
  static spawn(env: Record<string, string>, entry = 'main.js'): ServerOutput {
    const child = spawn(process.execPath, [join(dirname(transpiledServer()), entry)], {
      env: {
        PATH: process.env['PATH'] ?? '',
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        // One process, as these tests observe it; a test of the cluster sets its own count.
        WEB_CONCURRENCY: '1',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new ServerOutput(child);
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  /** Sends a signal (e.g. SIGTERM without waiting, to watch what the server does meanwhile). */
  signal(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  /** The non-empty lines written to stdout so far. */
  get lines(): string[] {
    return this.stdout.split('\n').filter((line) => line !== '');
  }

  /** Resolves with the exit code and how long the process ran; kills it after `timeoutMs`. */
  exit(timeoutMs: number): Promise<{ code: number | null; elapsedMs: number }> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        resolve({ code: this.child.exitCode, elapsedMs: Date.now() - this.started });
      };
      if (this.child.exitCode !== null || this.child.signalCode !== null) done();
      else this.child.once('exit', done);
    });
  }

  /** Waits until a stdout line matches, or the process exits, or `timeoutMs` passes. */
  async waitForLine(pattern: RegExp, timeoutMs: number): Promise<string | undefined> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline && this.child.exitCode === null) {
      const found = this.lines.find((line) => pattern.test(line));
      if (found !== undefined) return found;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return this.lines.find((line) => pattern.test(line));
  }

  async stop(): Promise<void> {
    const exited = this.exit(10_000);
    this.child.kill('SIGTERM');
    await exited;
  }
}
