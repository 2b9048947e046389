import type { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import type { AccessRule } from 'src/auth/decorators/access.metadata';
import { AccessRules } from 'src/auth/guards/access-rule';

describe('AccessRules', () => {
  const contextOf = (handler: () => void, controller: new () => object): ExecutionContextHost =>
    new ExecutionContextHost([], controller, handler);

  const countingReflector = (rule: AccessRule | undefined) => {
    const calls: unknown[] = [];
    const reflector = {
      getAllAndOverride: (_key: string, targets: unknown[]) => {
        calls.push(targets);
        return rule;
      },
    } as unknown as Reflector;
    return { reflector, calls };
  };

  it('reads the metadata once per handler and controller', () => {
    const { reflector, calls } = countingReflector({ kind: 'public' });
    const rules = new AccessRules(reflector);
    const handler = (): void => undefined;
    class Controller {}
    class Other {}
    expect(rules.of(contextOf(handler, Controller))).toEqual({ kind: 'public' });
    expect(rules.of(contextOf(handler, Controller))).toEqual({ kind: 'public' });
    expect(calls).toHaveLength(1);
    rules.of(contextOf(handler, Other));
    rules.of(contextOf((): void => undefined, Controller));
    expect(calls).toHaveLength(3);
  });

  it('remembers a route without any rule as well', () => {
    const { reflector, calls } = countingReflector(undefined);
    const rules = new AccessRules(reflector);
    const handler = (): void => undefined;
    class Controller {}
    expect(rules.of(contextOf(handler, Controller))).toBeUndefined();
    expect(rules.of(contextOf(handler, Controller))).toBeUndefined();
    expect(calls).toHaveLength(1);
  });
});
