import type { INestApplication } from '@nestjs/common';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { NON_API_ROUTES } from 'src/app.setup';
import { ACCESS_KEY, type AccessRule } from 'src/auth/decorators/access.metadata';

export interface InventoryRoute {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** A concrete URL: path parameters replaced by a placeholder that matches nothing. */
  url: string;
  rule: AccessRule | undefined;
  name: string;
}

const METHODS: Partial<Record<RequestMethod, InventoryRoute['method']>> = {
  [RequestMethod.GET]: 'get',
  [RequestMethod.POST]: 'post',
  [RequestMethod.PUT]: 'put',
  [RequestMethod.PATCH]: 'patch',
  [RequestMethod.DELETE]: 'delete',
};

const NON_API_PREFIXES = NON_API_ROUTES.map((route) => route.path.split('/')[0] ?? '');

function paths(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return [typeof value === 'string' ? value : '/'];
}

function concrete(parts: string[]): string {
  const path = parts
    .flatMap((part) => part.split('/'))
    .filter((segment) => segment !== '')
    .map((segment) => (segment.startsWith(':') ? '999999' : segment))
    .join('/');
  const first = path.split('/')[0] ?? '';
  return NON_API_PREFIXES.includes(first) ? `/${path}` : `/api/${path}`;
}

/**
 * Every route the application registered, read from Nest's controller metadata and the
 * access rule of src/auth/decorators/access.metadata.ts, so routes added later are covered.
 */
export function routeInventory(app: INestApplication): InventoryRoute[] {
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const reflector = new Reflector();
  const routes: InventoryRoute[] = [];
  for (const wrapper of discovery.getControllers()) {
    const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
    if (!controller) continue;
    const prototype = controller.prototype as Record<string, unknown>;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name];
      if (typeof handler !== 'function') continue;
      const requestMethod = Reflect.getMetadata(METHOD_METADATA, handler) as
        RequestMethod | undefined;
      const method = requestMethod === undefined ? undefined : METHODS[requestMethod];
      if (method === undefined) continue;
      const rule = reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [
        handler,
        controller,
      ]);
      for (const base of paths(Reflect.getMetadata(PATH_METADATA, controller)))
        for (const sub of paths(Reflect.getMetadata(PATH_METADATA, handler)))
          routes.push({
            method,
            url: concrete([base, sub]),
            rule,
            name: `${controller.name}.${name}`,
          });
    }
  }
  return routes;
}
