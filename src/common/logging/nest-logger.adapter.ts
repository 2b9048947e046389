import type { LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';

type Level = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

/**
 * Nest's logger while the application is being created, before nestjs-pino's logger can be
 * resolved from the container: whatever Nest says during start-up (and a failure to start)
 * goes to the same pino logger as everything after, never to Nest's coloured console logger.
 */
export class NestPinoAdapter implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  /** Nest passes the context last and, for errors, a stack before it. */
  private write(level: Level, message: unknown, params: unknown[]): void {
    const rest = [...params];
    const context = rest.length > 0 && typeof rest.at(-1) === 'string' ? rest.pop() : undefined;
    const stack = typeof rest[0] === 'string' ? rest[0] : undefined;
    // Nest's ExceptionHandler reports a failed start with its stack; main.ts reports the same
    // failure as one line a person can act on, so Nest's copy is kept for debugging only.
    const effective = context === 'ExceptionHandler' ? 'debug' : level;
    const bindings = { context, ...(stack === undefined ? {} : { err: { stack } }) };
    if (message instanceof Error)
      this.logger[effective]({ ...bindings, err: message }, message.message);
    else if (typeof message === 'string') this.logger[effective](bindings, message);
    else this.logger[effective]({ ...bindings, detail: message }, '');
  }
}
