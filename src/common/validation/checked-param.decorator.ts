import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

type ParamFactory<Output> = (data: unknown, context: ExecutionContext) => Output;

const checkedFactories = new WeakSet<object>();

/**
 * `createParamDecorator` for a value that is safe to hand to a handler: request input that
 * passed the edge rules (EdgeInputGuard covers params, query and parsed bodies; a decorator that
 * parses more, such as JSON in a multipart field, applies `unsafeInputProblem` itself), or no
 * request input at all (the authenticated principal). The pipes skip custom parameters, so the
 * edge inventory test refuses any custom parameter decorator not made with this function.
 */
export function createCheckedParamDecorator<Output>(
  factory: ParamFactory<Output>,
  enhancers: ParameterDecorator[] = [],
): (...dataOrPipes: unknown[]) => ParameterDecorator {
  checkedFactories.add(factory);
  return createParamDecorator(factory, enhancers);
}

export function isCheckedParamFactory(factory: unknown): boolean {
  return typeof factory === 'function' && checkedFactories.has(factory);
}
