import { RETRY_AFTER_SECONDS } from 'src/common/errors/all-exceptions.filter';
import { AppError } from 'src/common/errors/app-error';

export const STORAGE_UNAVAILABLE_MESSAGE =
  'file storage temporarily unavailable, please try again later';

/**
 * The object store did not answer or refused the operation (network, 5xx, missing bucket): the
 * request may succeed later, so 503 with `Retry-After` (RFC 9110 §15.6.4), like a lost database.
 */
export class StorageUnavailableError extends AppError {
  constructor(readonly reason: string) {
    super(
      503,
      'error',
      { message: STORAGE_UNAVAILABLE_MESSAGE },
      { 'Retry-After': String(RETRY_AFTER_SECONDS) },
    );
  }
}
