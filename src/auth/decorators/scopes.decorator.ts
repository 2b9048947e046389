import { applyDecorators, SetMetadata } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtension,
  ApiForbiddenResponse,
  ApiOAuth2,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ACCESS_KEY, type ScopedAccess } from 'src/auth/decorators/access.metadata';
import type { Scope } from 'src/auth/scopes';
import { BEARER_ERROR_SCHEMA } from 'src/common/openapi/api-error-responses.decorator';
import type { CallerReadToken } from 'src/database/caller-read';

export interface ScopesOptions {
  admin?: boolean;
  /** What the handler reads about its caller, read with the token (`readWithToken`). */
  readWithToken?: CallerReadToken<unknown>;
}

export const FIRST_PARTY_SECURITY = 'bearer';
export const OAUTH2_SECURITY = 'oauth2';

function accessDecorators(rule: ScopedAccess): MethodDecorator & ClassDecorator {
  const decorators = [
    SetMetadata(ACCESS_KEY, rule),
    ApiBearerAuth(FIRST_PARTY_SECURITY),
    ApiExtension('x-scopes', [...rule.scopes]),
    ApiUnauthorizedResponse({
      description:
        'Missing, invalid, expired or revoked token, or inactive account: the envelope ' +
        '(`provide a valid auth token`) for a first-party token, RFC 6750 `invalid_token` ' +
        'for an OAuth2 one.',
      schema: BEARER_ERROR_SCHEMA,
    }),
    ApiForbiddenResponse({
      description: rule.isAdminOnly
        ? 'Token lacks the scope (`insufficient_scope`), or the user is not an admin.'
        : 'Token lacks the scope (`insufficient_scope`).',
      schema: BEARER_ERROR_SCHEMA,
    }),
  ];
  if (!rule.isFirstPartyOnly) decorators.push(ApiOAuth2([...rule.scopes], OAUTH2_SECURITY));
  if (rule.isAdminOnly) decorators.push(ApiExtension('x-admin-only', true));
  return applyDecorators(...decorators);
}

/**
 * Requires an authenticated caller; an OAuth2 token must carry every listed scope.
 * `@Scopes(SCOPE.USERS_READ, { admin: true })` also requires an admin (docs/oauth2.md#scopes).
 */
export function Scopes(
  ...args: [...Scope[], ScopesOptions] | Scope[]
): MethodDecorator & ClassDecorator {
  const last = args[args.length - 1];
  const options: ScopesOptions = typeof last === 'object' ? last : {};
  const scopes: Scope[] = [];
  for (const arg of args as readonly (Scope | ScopesOptions)[])
    if (typeof arg === 'string') scopes.push(arg);
  return accessDecorators({
    kind: 'scoped',
    scopes,
    isAdminOnly: options.admin === true,
    isFirstPartyOnly: false,
    callerRead: options.readWithToken,
  });
}

/**
 * Endpoints without a scope in FitTrackee (`token*` in docs/oauth2.md#scopes): reserved to
 * first-party tokens, OAuth2 tokens are refused with 403 insufficient_scope
 * (docs/oauth2.md#first-party-only).
 */
export function FirstPartyOnly(): MethodDecorator & ClassDecorator {
  return accessDecorators({
    kind: 'scoped',
    scopes: [],
    isAdminOnly: false,
    isFirstPartyOnly: true,
    callerRead: undefined,
  });
}
