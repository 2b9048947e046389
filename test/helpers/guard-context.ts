import type { ExecutionContext } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import type { Request, Response } from 'express';
import type { AccessRule } from 'src/auth/decorators/access.metadata';
import type { Principal, RequestWithPrincipal } from 'src/auth/principal';
import { ALL_SCOPES, type Scope } from 'src/auth/scopes';
import { User } from 'src/users/user.entity';

/** Support for the guard unit specs: a fake Reflector and an HTTP ExecutionContextHost. */
export function fakeReflector(rule: AccessRule | undefined): Reflector {
  return { getAllAndOverride: () => rule } as unknown as Reflector;
}

export type FakeRequest = Request & RequestWithPrincipal;

export function fakeRequest(authorization?: string, principal?: Principal): FakeRequest {
  const headers: Record<string, string> = {};
  if (authorization !== undefined) headers['authorization'] = authorization;
  return { headers, principal } as unknown as FakeRequest;
}

export function httpContext(request: FakeRequest): ExecutionContext {
  const handler = (): void => undefined;
  class FakeController {}
  const response = { setHeader: () => undefined } as unknown as Response;
  return new ExecutionContextHost([request, response], FakeController, handler);
}

export function fakeUser(overrides: Partial<User> = {}): User {
  return Object.assign(
    new User(),
    { id: 1, username: 'sam', admin: false, isActive: true },
    overrides,
  );
}

export function principal(
  kind: Principal['kind'],
  user: User = fakeUser(),
  scopes: readonly Scope[] = kind === 'first-party' ? ALL_SCOPES : [],
): Principal {
  return { user, scopes, kind, token: 'token' };
}

export const SCOPED = (scopes: readonly Scope[], isAdminOnly = false): AccessRule => ({
  kind: 'scoped',
  scopes,
  isAdminOnly,
  isFirstPartyOnly: false,
  callerRead: undefined,
});

export const FIRST_PARTY_ONLY: AccessRule = {
  kind: 'scoped',
  scopes: [],
  isAdminOnly: false,
  isFirstPartyOnly: true,
  callerRead: undefined,
};

export const PUBLIC: AccessRule = { kind: 'public' };
