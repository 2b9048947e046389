import { CanActivate, ExecutionContext, Injectable, Optional } from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { AccessRules } from 'src/auth/guards/access-rule';
import { runStrategy } from 'src/auth/guards/run-strategy';
import {
  FIRST_PARTY_STRATEGY,
  OAUTH2_STRATEGY,
  PERSONAL_ACCESS_TOKEN_STRATEGY,
} from 'src/auth/guards/strategy-names';
import { hasPersonalAccessTokenPrefix } from 'src/auth/personal-tokens/personal-access-token-format';
import type { Principal, RequestWithPrincipal } from 'src/auth/principal';
import { ForbiddenError, UnauthorizedError } from 'src/common/errors/http-errors';
import { InvalidTokenError, UnsupportedTokenTypeError } from 'src/common/errors/oauth2-error';
import { markPrivate } from 'src/common/http/response-headers';
import { unsafeInputProblem } from 'src/common/validation/unsafe-input';
import { boundRead, type CallerReadProvider } from 'src/database/caller-read';

/**
 * Whether the request's path and query may be bound into a caller read's SQL. The edge rules
 * (EdgeInputGuard) refuse a NUL character, which PostgreSQL refuses in text, or a reserved key,
 * but only after this guard, so that authentication answers first: until then no value of such
 * a request reaches SQL. The route reads for itself and the edge rules answer 400.
 */
function isSafeToBind(request: Request): boolean {
  return (
    unsafeInputProblem(request.params, '') === undefined &&
    unsafeInputProblem(request.query, '') === undefined
  );
}

/**
 * "Who are you": resolves the Authorization header to a principal, deny-by-default.
 * Order of docs/oauth2.md#resource-protection steps 1–4: the first-party JWT is tried first,
 * whatever the scheme word; only then the OAuth2 bearer token, whose scheme must be `Bearer`.
 * A `pk_pat_` token takes the same step 4 through the personal access token strategy
 * (docs/oauth2.md#personal-access-tokens). What a route reads about its caller
 * (`@Scopes(…, { readWithToken })`) is read by the same query.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly rules: AccessRules;
  /** Each caller read's provider by its token, looked up once; null when no module provides it. */
  private readonly reads = new Map<symbol, CallerReadProvider<unknown> | null>();

  constructor(
    reflector: Reflector,
    @Optional() private readonly moduleRef?: ModuleRef,
  ) {
    this.rules = new AccessRules(reflector);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.rules.of(context);
    if (rule?.kind === 'public') return true;
    // A handler without @Public() or @Scopes() is a programming error: never let it through.
    if (rule === undefined) throw new ForbiddenError();
    const http = context.switchToHttp();
    const request = http.getRequest<Request & RequestWithPrincipal>();
    const response = http.getResponse<Response>();
    if (rule.callerRead !== undefined && isSafeToBind(request)) {
      const provider = this.callerRead(rule.callerRead);
      const read = provider === null ? undefined : boundRead(provider, request);
      if (read !== undefined) request.callerRead = { token: rule.callerRead, read };
    }
    request.principal = await this.authenticate(request);
    markPrivate(response);
    return true;
  }

  /** The feature's read under `token`, found in whichever module provides it. */
  private callerRead(token: symbol): CallerReadProvider<unknown> | null {
    let read = this.reads.get(token);
    if (read === undefined) {
      try {
        read =
          this.moduleRef?.get<symbol, CallerReadProvider<unknown>>(token, { strict: false }) ??
          null;
      } catch {
        // Not provided (an application without that feature): the route reads it itself.
        read = null;
      }
      this.reads.set(token, read);
    }
    return read;
  }

  private async authenticate(request: Request): Promise<Principal> {
    const header = request.headers.authorization;
    if (header === undefined || header === '') throw new UnauthorizedError();
    const space = header.indexOf(' ');
    // FitTrackee crashes (500) on a header without a space; it can only be an invalid token.
    if (space < 0) throw new InvalidTokenError();
    const firstParty = await runStrategy(FIRST_PARTY_STRATEGY, request);
    if (firstParty) return firstParty;
    if (header.slice(0, space).toLowerCase() !== 'bearer') throw new UnsupportedTokenTypeError();
    const scoped = await runStrategy(
      hasPersonalAccessTokenPrefix(header.slice(space + 1))
        ? PERSONAL_ACCESS_TOKEN_STRATEGY
        : OAUTH2_STRATEGY,
      request,
    );
    if (scoped) return scoped;
    throw new InvalidTokenError();
  }
}
