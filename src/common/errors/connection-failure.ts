/**
 * Whether an error means the database (or another backing service) could not be reached or
 * dropped the connection, as opposed to refusing the query itself: the request may succeed
 * if retried later, so it is answered 503 with `Retry-After` (RFC 9110 §15.6.4, §10.2.3).
 */

/** Socket-level failures (connect refused, reset, unreachable, name resolution). */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

/**
 * PostgreSQL SQLSTATEs of the server going away or refusing sessions (PostgreSQL manual,
 * Appendix A): connection exceptions of class 08 (not 08P01, a protocol violation),
 * admin/crash shutdown and start-up (57P01–57P03), and insufficient resources (class 53).
 */
const SQLSTATES = new Set([
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '08007',
  '57P01',
  '57P02',
  '57P03',
  '53000',
  '53100',
  '53200',
  '53300',
]);

/** node-postgres and pg-pool errors that carry no code. */
const DRIVER_MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect$/,
  /^timeout expired$/,
  /^Client has encountered a connection error and is not queryable$/,
  /^Client was closed and is not queryable$/,
  /^Cannot use a pool after calling end on the pool$/,
];

/** TypeORM wraps driver errors (`driverError`); pg-pool chains them (`cause`). */
const MAX_DEPTH = 4;

export function isConnectionFailure(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > MAX_DEPTH) return false;
  const { code, message, driverError, cause } = error as {
    code?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
  };
  if (typeof code === 'string' && (SOCKET_CODES.has(code) || SQLSTATES.has(code))) return true;
  if (typeof message === 'string' && DRIVER_MESSAGES.some((pattern) => pattern.test(message)))
    return true;
  return isConnectionFailure(driverError, depth + 1) || isConnectionFailure(cause, depth + 1);
}
