import { type ExecutionContext, type Type } from '@nestjs/common';
import { ApiBody } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Request } from 'express';
import { InvalidPayloadError } from 'src/common/errors/http-errors';
import { createCheckedParamDecorator } from 'src/common/validation/checked-param.decorator';
import { toValidationError } from 'src/common/validation/validation-error';
import { VALIDATOR_OPTIONS } from 'src/common/validation/validation-options';

function isNonEmptyObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).length > 0
  );
}

/**
 * FitTrackee's `if not post_data: return InvalidPayloadErrorResponse()`: a missing body, `{}`,
 * an array or a scalar is `invalid payload` *before* unknown keys are dropped, so `{"x": 1}`
 * is accepted as a no-op exactly like the reference. The DTO's rules then apply.
 */
export function JsonBody<T extends object>(dto: Type<T>): ParameterDecorator {
  return createCheckedParamDecorator(
    async (_data: unknown, context: ExecutionContext): Promise<T> => {
      const body: unknown = context.switchToHttp().getRequest<Request>().body;
      if (!isNonEmptyObject(body)) throw new InvalidPayloadError();
      const instance = plainToInstance(dto, body);
      const errors = await validate(instance, VALIDATOR_OPTIONS);
      if (errors.length > 0) throw toValidationError(errors);
      return instance;
    },
    [
      (target: object, key: string | symbol | undefined): void => {
        if (key === undefined) return;
        const descriptor = Object.getOwnPropertyDescriptor(target, key);
        if (descriptor) ApiBody({ type: dto })(target, key, descriptor);
      },
    ],
  )();
}
