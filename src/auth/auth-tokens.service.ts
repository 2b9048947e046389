import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import type { AppConfig } from 'src/config/configuration';

/**
 * Issues first-party JWTs: HS256, claims `exp`, `iat`, `sub` = integer user id (FitTrackee's
 * token), plus a random `jti` (RFC 7519 §4.1.7) so that two tokens issued in the same second
 * differ and logging one out (the blacklist holds the token) leaves the other valid.
 */
@Injectable()
export class AuthTokensService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  issueAuthToken(userId: number): string {
    return this.sign(userId, this.config.get('auth.tokenExpirationSeconds', { infer: true }));
  }

  issuePasswordResetToken(userId: number): string {
    return this.sign(
      userId,
      this.config.get('auth.passwordTokenExpirationSeconds', { infer: true }),
    );
  }

  private sign(userId: number, lifetimeSeconds: number): string {
    return this.jwt.sign(
      { sub: userId, jti: randomUUID() },
      { expiresIn: lifetimeSeconds, algorithm: 'HS256' },
    );
  }
}
