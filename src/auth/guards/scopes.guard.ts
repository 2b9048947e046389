import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AccessRules } from 'src/auth/guards/access-rule';
import type { RequestWithPrincipal } from 'src/auth/principal';
import { ForbiddenError, UnauthorizedError } from 'src/common/errors/http-errors';
import { InsufficientScopeError } from 'src/common/errors/oauth2-error';

/**
 * "May you": scope (scoped tokens only: OAuth2 and personal access tokens), then active account,
 * then admin — the order of docs/oauth2.md#resource-protection steps 4–6, so an admin's token
 * lacking the scope gets insufficient_scope.
 */
@Injectable()
export class ScopesGuard implements CanActivate {
  private readonly rules: AccessRules;

  constructor(reflector: Reflector) {
    this.rules = new AccessRules(reflector);
  }

  canActivate(context: ExecutionContext): boolean {
    const rule = this.rules.of(context);
    if (rule?.kind !== 'scoped') return rule?.kind === 'public';
    const principal = context.switchToHttp().getRequest<RequestWithPrincipal>().principal;
    if (!principal) throw new UnauthorizedError();
    if (principal.kind !== 'first-party') {
      const hasScopes = rule.scopes.every((scope) => principal.scopes.includes(scope));
      if (rule.isFirstPartyOnly || !hasScopes) throw new InsufficientScopeError();
    }
    if (!principal.user.isActive) throw new UnauthorizedError();
    if (rule.isAdminOnly && !principal.user.admin) throw new ForbiddenError();
    return true;
  }
}
