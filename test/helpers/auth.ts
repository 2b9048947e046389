import type { INestApplication } from '@nestjs/common';
import { AuthTokensService } from 'src/auth/auth-tokens.service';
import type { User } from 'src/users/user.entity';

/** A first-party token for `user`, signed exactly as the login endpoint signs it. */
export function firstPartyToken(app: INestApplication, user: User): string {
  return app.get(AuthTokensService).issueAuthToken(user.id);
}

export function bearer(token: string): { Authorization: string } {
  return { Authorization: `Bearer ${token}` };
}
