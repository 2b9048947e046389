import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

export interface BareServer {
  base: string;
  stop(): Promise<void>;
}

/** The bare Nest app (bare-nest.server.ts) in a process of its own, as the server runs. */
export function startBareServer(): Promise<BareServer> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', join(__dirname, 'bare-nest.server.ts')],
    { stdio: ['ignore', 'ignore', 'inherit', 'ipc'], env: { ...process.env, PORT: '0' } },
  );
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      reject(new Error(`bare Nest app exited with ${code}`));
    });
    child.once('message', (message: { port: number }) => {
      resolve({
        base: `http://127.0.0.1:${message.port}`,
        stop: () =>
          new Promise((done) => {
            child.removeAllListeners('exit');
            child.once('exit', () => {
              done();
            });
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
