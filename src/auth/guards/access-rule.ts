import type { ExecutionContext } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import { ACCESS_KEY, type AccessRule } from 'src/auth/decorators/access.metadata';

/** The route's access rule; `undefined` when it has neither @Public() nor @Scopes(). */
function accessRuleOf(reflector: Reflector, context: ExecutionContext): AccessRule | undefined {
  return reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [
    context.getHandler(),
    context.getClass(),
  ]);
}

/**
 * `accessRuleOf`, read once per handler and controller: decorators set the metadata when the
 * class is defined and nothing changes it afterwards, so every request after the first skips
 * the reflection.
 */
export class AccessRules {
  private readonly byHandler = new WeakMap<object, WeakMap<object, AccessRule | undefined>>();

  constructor(private readonly reflector: Reflector) {}

  of(context: ExecutionContext): AccessRule | undefined {
    const handler = context.getHandler();
    const controller = context.getClass();
    let byController = this.byHandler.get(handler);
    if (byController === undefined) {
      byController = new WeakMap();
      this.byHandler.set(handler, byController);
    }
    if (byController.has(controller)) return byController.get(controller);
    const rule = accessRuleOf(this.reflector, context);
    byController.set(controller, rule);
    return rule;
  }
}
