import { applyDecorators, type ExecutionContext } from '@nestjs/common';
import { ApiHeader, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import { IDEMPOTENCY_TTL_HOURS } from 'src/common/idempotency/idempotency.service';
import { IDEMPOTENCY_HEADER, IdempotencyRequest } from 'src/common/idempotency/idempotency-request';
import { ENVELOPE_ERROR_SCHEMA } from 'src/common/openapi/api-error-responses.decorator';
import { createCheckedParamDecorator } from 'src/common/validation/checked-param.decorator';

const DESCRIPTION = [
  'Optional (not part of FitTrackee). A unique value per intended creation, e.g. a UUID, up to',
  '255 visible ASCII characters. A retry with the same key, by the same user, on the same',
  'endpoint, within',
  `${IDEMPOTENCY_TTL_HOURS} hours, gets the first answer (same status and body, the same`,
  'resources) instead of creating them again, also while the first request is still running;',
  'the key is recorded in the transaction that creates them. The same key with a different',
  'body is refused (422); a malformed key is a 400 `invalid Idempotency-Key header`.',
].join(' ');

/**
 * The request's `Idempotency-Key` (`IdempotencyRequest`, undefined without the header), and its
 * OpenAPI description on the operation. A checked parameter: the header is refused unless it is
 * visible ASCII of at most 255 characters, and the body it fingerprints passed the edge rules.
 */
export function IdempotencyKey(): ParameterDecorator {
  return createCheckedParamDecorator(
    (_data: unknown, context: ExecutionContext): IdempotencyRequest | undefined =>
      IdempotencyRequest.fromHttp(context.switchToHttp().getRequest<Request>()),
    [
      (target: object, key: string | symbol | undefined): void => {
        if (key === undefined) return;
        const descriptor = Object.getOwnPropertyDescriptor(target, key);
        if (descriptor === undefined) return;
        applyDecorators(
          ApiHeader({ name: IDEMPOTENCY_HEADER, required: false, description: DESCRIPTION }),
          ApiUnprocessableEntityResponse({
            description:
              'The same `Idempotency-Key` was first sent with another body: `{"status": "error", ' +
              '"message": "Idempotency-Key already used for a different request"}`.',
            schema: ENVELOPE_ERROR_SCHEMA,
            example: {
              status: 'error',
              message: 'Idempotency-Key already used for a different request',
            },
          }),
        )(target, key, descriptor);
      },
    ],
  )();
}
