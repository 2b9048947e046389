import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import type { AppConfig } from 'src/config/configuration';

/** Issues first-party JWTs: HS256, claims `exp`, `iat`, `sub` = integer user id (spec README §2.1). */
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
    return this.jwt.sign({ sub: userId }, { expiresIn: lifetimeSeconds, algorithm: 'HS256' });
  }
}
