/**
 * Turns one pino JSON line into one line a person reads in a terminal:
 * `14:31:02 INFO  [Context] message key=value`. Used only when stdout is a terminal, so colour
 * codes never reach a file or a log collector (those get the JSON line unchanged).
 */
const LEVELS: Record<number, [string, string]> = {
  10: ['TRACE', '\u001b[90m'],
  20: ['DEBUG', '\u001b[90m'],
  30: ['INFO ', '\u001b[32m'],
  40: ['WARN ', '\u001b[33m'],
  50: ['ERROR', '\u001b[31m'],
  60: ['FATAL', '\u001b[35m'],
};
const RESET = '\u001b[0m';
/** Printed elsewhere on the line, or noise for a reader (pid, hostname). */
const SHOWN = new Set(['level', 'time', 'msg', 'context', 'pid', 'hostname', 'err', 'req', 'res']);

function field(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function clock(time: unknown): string {
  const date = typeof time === 'number' ? new Date(time) : new Date();
  return date.toISOString().slice(11, 19);
}

/** What the request-line logger writes: `GET /api/ping 200 3ms`. */
function requestSummary(entry: Record<string, unknown>): string {
  const req = entry['req'] as { method?: string; path?: string } | undefined;
  const res = entry['res'] as { statusCode?: number } | undefined;
  if (req === undefined) return '';
  const time = typeof entry['responseTime'] === 'number' ? ` ${entry['responseTime']}ms` : '';
  return ` ${req.method ?? ''} ${req.path ?? ''} ${res?.statusCode ?? ''}${time}`.trimEnd();
}

export function prettyLine(json: string, isColoured: boolean): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.endsWith('\n') ? json : `${json}\n`;
  }
  const [name, colour] = LEVELS[Number(entry['level'])] ?? ['LOG  ', ''];
  const level = isColoured ? `${colour}${name}${RESET}` : name;
  const context = typeof entry['context'] === 'string' ? ` [${entry['context']}]` : '';
  const message = field(entry['msg'] ?? '');
  // Fields the message already spells out (the start-up line's) are not repeated.
  const extras = Object.entries(entry)
    .filter(
      ([key, value]) =>
        !SHOWN.has(key) && key !== 'responseTime' && !message.includes(field(value)),
    )
    .map(([key, value]) => ` ${key}=${field(value)}`)
    .join('');
  const err = entry['err'] as { stack?: string; message?: string } | undefined;
  const stack = err?.stack ?? err?.message;
  return `${clock(entry['time'])} ${level}${context} ${message}${requestSummary(entry)}${extras}${stack === undefined ? '' : `\n${stack}`}\n`;
}
