import pino, { type DestinationStream, type Logger } from 'pino';
import { prettyLine } from 'src/common/logging/pretty-line';

/** LOG_FORMAT: `auto` is human-readable on a terminal and JSON everywhere else. */
export type LogFormat = 'auto' | 'json' | 'pretty';

export interface LogSettings {
  level: string;
  /** APP_LOG: JSON lines go to this file instead of stdout. */
  file?: string | undefined;
  format?: LogFormat;
}

/**
 * Nest's own start-up chatter (one line per module and route): useful when debugging the
 * wiring, noise on every start, so it is logged at debug instead of info.
 */
const FRAMEWORK_CONTEXTS = new Set([
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestFactory',
  'NestApplication',
]);

const INFO = 30;
const ERROR = 50;

/**
 * Nest logs a failed `listen()` itself before rethrowing it; main.ts reports the same failure as
 * one line naming PORT or HOST, so Nest's copy is for debugging only.
 */
function isListenFailure(args: unknown[]): boolean {
  const [first, message] = args;
  return (
    typeof first === 'object' &&
    first !== null &&
    (first as { context?: unknown }).context === 'NestApplication' &&
    typeof message === 'string' &&
    message.startsWith('Error: listen ')
  );
}

export function isFrameworkChatter(first: unknown): boolean {
  if (typeof first !== 'object' || first === null) return false;
  const context = (first as { context?: unknown }).context;
  return typeof context === 'string' && FRAMEWORK_CONTEXTS.has(context);
}

function destination(settings: LogSettings): DestinationStream {
  // Synchronous writes: a crash (or a failed start) never loses the lines that explain it.
  if (settings.file !== undefined)
    return pino.destination({ dest: settings.file, sync: true, mkdir: true });
  const stdout = pino.destination({ dest: 1, sync: true });
  const format = settings.format ?? 'auto';
  const isPretty = format === 'pretty' || (format === 'auto' && process.stdout.isTTY);
  if (!isPretty) return stdout;
  const isColoured = process.stdout.isTTY && process.env['NO_COLOR'] === undefined;
  return { write: (line: string) => stdout.write(prettyLine(line, isColoured)) };
}

const loggers = new Map<string, Logger>();

/**
 * The process's one pino logger for these settings: main.ts logs start-up and its failures
 * with it before Nest exists, and the application (nestjs-pino, request lines) writes through
 * the same instance afterwards, so every line has the same format and destination.
 */
export function rootLogger(settings: LogSettings): Logger {
  const key = JSON.stringify([settings.level, settings.file ?? null, settings.format ?? 'auto']);
  const existing = loggers.get(key);
  if (existing !== undefined) return existing;
  const logger = pino(
    {
      level: settings.level,
      hooks: {
        logMethod(args, method, level) {
          const isDemoted =
            (level === INFO && isFrameworkChatter(args[0])) ||
            (level === ERROR && isListenFailure(args));
          if (isDemoted) {
            this.debug(...args);
            return;
          }
          method.apply(this, args);
        },
      },
    },
    destination(settings),
  );
  loggers.set(key, logger);
  return logger;
}
