import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { InvalidInputError } from 'src/common/errors/http-errors';
import { unsafeInputProblem } from 'src/common/validation/unsafe-input';

/**
 * Global: path parameters, query and parsed body (JSON or form) of every routed request pass
 * `unsafeInputProblem` before any handler, pipe or service sees them, whichever way the handler
 * reads them (`@Param`, `@Query`, `@Body`, or the raw request). Multipart fields are parsed
 * later, by the route's interceptor: EdgeInputPipe checks them.
 */
@Injectable()
export class EdgeInputGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request>();
    const problem =
      unsafeInputProblem(request.params, '') ??
      unsafeInputProblem(request.query, '') ??
      unsafeInputProblem(request.body, '');
    if (problem !== undefined) throw new InvalidInputError(problem);
    return true;
  }
}
