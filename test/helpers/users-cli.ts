import { runCli } from 'src/cli/run-cli';
import type { AppConfig } from 'src/config/configuration';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs one CLI command in this process against the test database of `config`. */
export async function runCommand(config: AppConfig, ...args: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, config, {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
