import { Logger } from '@nestjs/common';

/** What the handlers need of Nest's `Logger` (which forwards to the application's pino logger). */
export type ProcessLogger = Pick<Logger, 'error' | 'fatal'>;

export interface ProcessErrorHandlers {
  /** Removes both listeners (tests install and remove them around a run). */
  uninstall(): void;
}

/**
 * Last-resort listeners for failures that escaped every request's own error handling.
 *
 * - `unhandledRejection`: a promise failed and nothing was waiting for it. Its request has
 *   already been answered or refused by whoever abandoned it, so the process state is intact;
 *   Node's default (exit since Node 15) would turn one bad request into an outage for every
 *   user. It is logged at error level, with the stack, as the bug it is, and the server keeps
 *   running.
 * - `uncaughtException`: a synchronous throw unwound the stack outside any handler, possibly
 *   halfway through changing shared state (streams, pools, locks). Node documents that
 *   resuming after it is unsafe, so it is logged and the process exits with status 1 for its
 *   supervisor to restart it; the start-up sweep then finishes or removes the uploads that
 *   were in flight.
 *
 * The logger writes synchronously (`logger.options.ts`), so the line is out before the exit.
 */
export function installProcessErrorHandlers(
  logger: ProcessLogger = new Logger('Process'),
  exit: (code: number) => void = (code) => process.exit(code),
): ProcessErrorHandlers {
  const onRejection = (reason: unknown): void => {
    logger.error(
      { err: reason },
      'UNHANDLED PROMISE REJECTION: a promise failed with nothing awaiting it (a bug); the server keeps running',
    );
  };
  const onException = (error: Error, origin: string): void => {
    logger.fatal(
      { err: error, origin },
      'UNCAUGHT EXCEPTION: the process state is unknown; exiting for a clean restart',
    );
    exit(1);
  };
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  return {
    uninstall: () => {
      process.off('unhandledRejection', onRejection);
      process.off('uncaughtException', onException);
    },
  };
}
