import { AppError } from 'src/common/errors/app-error';

/**
 * 422: the key was first used with another request body (draft-ietf-httpapi-idempotency-key-header
 * §2.7 "Idempotency-Key is already used for a different request payload").
 */
export class IdempotencyKeyReusedError extends AppError {
  constructor() {
    super(422, 'error', { message: 'Idempotency-Key already used for a different request' });
  }
}
