/** No space left on the device, or the user's disk quota is exhausted (errno(3)). */
const STORAGE_FULL_CODES = new Set(['ENOSPC', 'EDQUOT']);

/** The message of a 507: the client did nothing wrong, and the same request may succeed later. */
export const STORAGE_FULL_MESSAGE =
  'not enough storage space on the server, please try again later';

/**
 * Whether a file-system error, or an error it caused (`cause` chain), means the disk is full: the
 * answer is 507 Insufficient Storage (RFC 4918 §11.5), not a 500, and nothing was kept.
 */
export function isStorageFull(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && typeof current === 'object' && current !== null; depth++) {
    const { code, cause } = current as { code?: unknown; cause?: unknown };
    if (typeof code === 'string' && STORAGE_FULL_CODES.has(code)) return true;
    current = cause;
  }
  return false;
}
