import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { InvalidInputError } from 'src/common/errors/http-errors';
import { unsafeInputProblem } from 'src/common/validation/unsafe-input';

/**
 * Global, first of the pipes: every `@Body()`, `@Query()` and `@Param()` value once the route's
 * interceptors have run, so multipart fields (parsed by multer after the guards) get the same
 * rules as JSON and form bodies (EdgeInputGuard).
 */
@Injectable()
export class EdgeInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const problem = unsafeInputProblem(value, metadata.data ?? '');
    if (problem !== undefined) throw new InvalidInputError(problem);
    return value;
  }
}
