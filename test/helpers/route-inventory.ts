import { type INestApplication, RequestMethod, type Type } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import { ACCESS_KEY, type AccessRule } from 'src/auth/decorators/access.metadata';

/** One route handler as declared by its decorators. */
export interface DeclaredRoute {
  name: string;
  method: RequestMethod;
  access: AccessRule | undefined;
  httpCode: number | undefined;
}

/** Every controller class registered anywhere in the application's module graph. */
export function controllersOf(app: INestApplication): Type[] {
  const controllers = new Set<Type>();
  for (const module of app.get(ModulesContainer).values())
    for (const wrapper of module.controllers.values())
      if (typeof wrapper.metatype === 'function') controllers.add(wrapper.metatype as Type);
  return [...controllers];
}

export function routesOf(controller: Type): DeclaredRoute[] {
  const prototype = controller.prototype as Record<string, unknown>;
  const routes: DeclaredRoute[] = [];
  for (const key of new MetadataScanner().getAllMethodNames(prototype)) {
    const handler = prototype[key];
    if (typeof handler !== 'function') continue;
    const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
    if (method === undefined || Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
    routes.push({
      name: `${controller.name}.${key}`,
      method,
      access: (Reflect.getMetadata(ACCESS_KEY, handler) ??
        Reflect.getMetadata(ACCESS_KEY, controller)) as AccessRule | undefined,
      httpCode: Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined,
    });
  }
  return routes;
}

/**
 * What the route inventory forbids: a handler with no access decorator (the guard would deny it
 * at runtime: deny by default) and a POST without an explicit @HttpCode (Nest would answer 201 where
 * FitTrackee mostly answers 200).
 */
export function routeViolations(routes: readonly DeclaredRoute[]): string[] {
  const violations: string[] = [];
  for (const route of routes) {
    if (route.access === undefined)
      violations.push(`${route.name}: no @Public(), @Scopes() or @FirstPartyOnly()`);
    if (route.method === RequestMethod.POST && route.httpCode === undefined)
      violations.push(`${route.name}: @Post() without @HttpCode()`);
  }
  return violations;
}
