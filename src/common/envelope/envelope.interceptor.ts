import {
  CallHandler,
  ExecutionContext,
  HttpStatus,
  Injectable,
  NestInterceptor,
  StreamableFile,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { map, Observable } from 'rxjs';
import { PaginatedResult, TopLevelResult } from 'src/common/envelope/envelope.types';
import { RAW_RESPONSE_KEY } from 'src/common/envelope/raw-response.decorator';

/**
 * Wraps handler results in FitTrackee's envelope (docs/compatibility.md#envelope): `"created"` for
 * 201, `"success"` otherwise; 204 bodies stay empty.
 */
@Injectable()
export class EnvelopeInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(RAW_RESPONSE_KEY, targets)) return next.handle();
    const code = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler());
    if (code === HttpStatus.NO_CONTENT) return next.handle().pipe(map(() => undefined));
    const status = code === HttpStatus.CREATED ? 'created' : 'success';
    return next.handle().pipe(map((result: unknown) => wrap(status, result)));
  }
}

function wrap(status: string, result: unknown): unknown {
  if (result instanceof StreamableFile) return result;
  if (result instanceof PaginatedResult) {
    const { data, pagination } = result as PaginatedResult<unknown>;
    return { status, data, pagination };
  }
  if (result instanceof TopLevelResult) return { status, ...result.fields };
  if (result === undefined) return { status };
  return { status, data: result };
}
