import type { ModuleRef } from '@nestjs/core';

/**
 * Looks a provider up in the whole application, not only in this module's scope: the users
 * module depends on no feature module, to keep the dependency graph acyclic, yet features such as workouts contribute
 * implementations of tokens defined here. Returns `fallback` when no module provides it.
 */
export function findOptionalProvider<T extends object>(
  moduleRef: ModuleRef,
  token: symbol,
  fallback: T,
): T {
  try {
    return moduleRef.get<unknown, T>(token, { strict: false });
  } catch {
    return fallback;
  }
}
