import { type CanActivate, type ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { type EnvelopeKind, markEnvelope } from 'src/common/envelope/envelope.reply';
import { RAW_RESPONSE_KEY } from 'src/common/envelope/raw-response.decorator';

/**
 * Global, last of the guards: tells the reply (envelope.reply.ts) how the handler's result is
 * to be wrapped. It never refuses. A guard rather than an interceptor because Nest runs every
 * interceptor through an RxJS pipeline and async resources, which cost more per request than
 * the rest of a ping; the kind depends on the handler alone, so it is looked up once per handler.
 */
@Injectable()
export class EnvelopeGuard implements CanActivate {
  private readonly kinds = new WeakMap<object, EnvelopeKind | null>();

  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const kind = this.kindOf(context);
    if (kind !== null) markEnvelope(context.switchToHttp().getResponse<object>(), kind);
    return true;
  }

  private kindOf(context: ExecutionContext): EnvelopeKind | null {
    const handler = context.getHandler();
    const known = this.kinds.get(handler);
    if (known !== undefined) return known;
    const kind = this.resolve(handler, context.getClass());
    this.kinds.set(handler, kind);
    return kind;
  }

  /** `"created"` for 201, `"success"` otherwise; 204 bodies stay empty; @RawResponse() opts out. */
  private resolve(handler: object, controller: object): EnvelopeKind | null {
    const targets = [handler as () => void, controller as () => void];
    if (this.reflector.getAllAndOverride<boolean>(RAW_RESPONSE_KEY, targets)) return null;
    const code = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, handler as () => void);
    if (code === HttpStatus.NO_CONTENT) return 'empty';
    return code === HttpStatus.CREATED ? 'created' : 'success';
  }
}
