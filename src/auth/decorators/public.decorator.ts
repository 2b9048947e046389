import { SetMetadata } from '@nestjs/common';
import { ACCESS_KEY, type AccessRule } from 'src/auth/decorators/access.metadata';

/** An anonymous route: any Authorization header is ignored (spec README §3, Auth `none`). */
export const Public = (): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies AccessRule);
