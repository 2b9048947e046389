import { ExecutionContext } from '@nestjs/common';
import type { Principal, RequestWithPrincipal } from 'src/auth/principal';
import { UnauthorizedError } from 'src/common/errors/http-errors';
import { createCheckedParamDecorator } from 'src/common/validation/checked-param.decorator';
import type { User } from 'src/users/user.entity';

function principalOf(context: ExecutionContext): Principal {
  const principal = context.switchToHttp().getRequest<RequestWithPrincipal>().principal;
  if (!principal) throw new UnauthorizedError();
  return principal;
}

/** The authenticated user of a `@Scopes()` route. */
export const CurrentUser = createCheckedParamDecorator(
  (_data: unknown, context: ExecutionContext): User => principalOf(context).user,
);

/** The whole principal: user, granted scopes, token kind and raw token. */
export const CurrentPrincipal = createCheckedParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => principalOf(context),
);
