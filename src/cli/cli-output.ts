/** Where commands print: the process streams, or a buffer in tests. */
export interface CliOutput {
  out(text: string): void;
  err(text: string): void;
}

export const CLI_OUTPUT = Symbol('CLI_OUTPUT');
export const CLI_CONFIG = Symbol('CLI_CONFIG');

export const PROCESS_OUTPUT: CliOutput = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

/** A failure already explained to the user; the CLI exits with `exitCode` (FitTrackee exits 0). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
