import type { ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { InvalidInputError } from 'src/common/errors/http-errors';
import { createCheckedParamDecorator } from 'src/common/validation/checked-param.decorator';
import { unsafeInputProblem } from 'src/common/validation/unsafe-input';

/** The media types of an HTML form submission, the only ones a form-only endpoint reads. */
export const FORM_MEDIA_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/**
 * The fields of a urlencoded or multipart body, as Flask's `request.form` reads them: any other
 * body (JSON, text, none) has no form field, so the handler sees `{}`. Multipart fields are
 * parsed by the route's interceptor, after EdgeInputGuard, and custom parameters skip
 * EdgeInputPipe: the edge rules are applied here.
 */
export const FormBody = createCheckedParamDecorator(
  (_data: unknown, context: ExecutionContext): Readonly<Record<string, unknown>> => {
    const request = context.switchToHttp().getRequest<Request>();
    const body: unknown = request.body;
    if (typeof request.is(FORM_MEDIA_TYPES) !== 'string') return {};
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return {};
    const problem = unsafeInputProblem(body, '');
    if (problem !== undefined) throw new InvalidInputError(problem);
    return body as Readonly<Record<string, unknown>>;
  },
);
