import type { Logger } from 'pino';
import { ConfigurationError, problemLine } from 'src/config/configuration-error';

/**
 * `listen()` failures are configuration problems too: say which variable to change.
 * Anything else is returned unchanged.
 */
export function listenError(error: unknown, host: string, port: number): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  const address = `${host}:${port}`;
  const problems: Record<string, [string, string, string]> = {
    EADDRINUSE: [
      'PORT',
      `${address} is already in use`,
      'Stop the other process or choose another PORT.',
    ],
    EACCES: [
      'PORT',
      `this user may not listen on ${address}`,
      'Choose a PORT above 1023 or grant the permission.',
    ],
    EADDRNOTAVAIL: [
      'HOST',
      `${host} is not an address of this machine`,
      'Set HOST=0.0.0.0 (all interfaces) or one of its addresses.',
    ],
    ENOTFOUND: [
      'HOST',
      `${host} does not resolve`,
      'Set HOST=0.0.0.0 (all interfaces) or one of its addresses.',
    ],
  };
  const known = typeof code === 'string' ? problems[code] : undefined;
  if (known === undefined) return error;
  const [variable, problem, fix] = known;
  return new ConfigurationError([
    { variable, value: variable === 'PORT' ? String(port) : host, problem, fix },
  ]);
}

/**
 * A failed start, through the same logger as everything else: one fatal line per configuration
 * problem (no stack: nothing to debug), or the error with its stack when it is a bug.
 */
export function reportStartupFailure(logger: Logger, error: unknown): void {
  if (error instanceof ConfigurationError) {
    for (const problem of error.problems)
      logger.fatal({ variable: problem.variable }, problemLine(problem));
    return;
  }
  logger.fatal(
    { err: error },
    `The server could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
}
