import { SetMetadata } from '@nestjs/common';
import { ACCESS_KEY, type AccessRule } from 'src/auth/decorators/access.metadata';

/** An anonymous route: any Authorization header is ignored (docs/oauth2.md#scopes, Auth `none`). */
export const Public = (): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies AccessRule);
