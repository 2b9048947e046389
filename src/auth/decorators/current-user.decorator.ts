import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Principal, RequestWithPrincipal } from 'src/auth/principal';
import { UnauthorizedError } from 'src/common/errors/http-errors';
import type { User } from 'src/users/user.entity';

function principalOf(context: ExecutionContext): Principal {
  const principal = context.switchToHttp().getRequest<RequestWithPrincipal>().principal;
  if (!principal) throw new UnauthorizedError();
  return principal;
}

/** The authenticated user of a `@Scopes()` route. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): User => principalOf(context).user,
);

/** The whole principal: user, granted scopes, token kind and raw token. */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => principalOf(context),
);
