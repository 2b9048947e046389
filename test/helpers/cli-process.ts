import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';

import type { AppConfig } from 'src/config/configuration';
import { transpiledServer } from 'test/helpers/transpiled-server';
import type { CliRun } from 'test/helpers/users-cli';

/**
 * `pacekeeper` as an admin runs it: the CLI's entry point compiled to JavaScript (the sources
 * transpiled as `nest build` emits them, without the build's minute) in a process of its own, so
 * the exit code and both streams are the real ones.
 */
export function cliEntryPoint(): string {
  return join(dirname(transpiledServer()), 'cli', 'main.js');
}

/** The environment of a CLI process on the database and data folder of `config`. */
export function cliEnv(config: AppConfig): Record<string, string> {
  return {
    NODE_ENV: 'test',
    DATA_DIR: config.app.dataDir,
    APP_SECRET_KEY: config.app.secretKey,
    BCRYPT_LOG_ROUNDS: '4',
    LOG_LEVEL: 'silent',
    ...(config.database.url === undefined ? {} : { DATABASE_URL: config.database.url }),
  };
}

/** Runs `pacekeeper …args` with only `env` (and PATH) set; never rejects on a non-zero exit. */
export function runCliProcess(env: Record<string, string>, ...args: string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [cliEntryPoint(), ...args],
      { env: { PATH: process.env['PATH'] ?? '', ...env }, timeout: 30_000 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : error.code;
        if (typeof code !== 'number') {
          reject(error ?? new Error('no exit code'));
          return;
        }
        resolve({ code, out: stdout.replace(/\n$/, ''), err: stderr.replace(/\n$/, '') });
      },
    );
  });
}
