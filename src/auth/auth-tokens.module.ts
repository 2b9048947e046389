import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtModule } from '@nestjs/jwt';
import { AuthTokensService } from 'src/auth/auth-tokens.service';
import type { AppConfig } from 'src/config/configuration';

/**
 * First-party JWT signing (HS256 with APP_SECRET_KEY, docs/compatibility.md#auth-tokens), in one
 * place for the auth endpoints and for the users module's admin password resets.
 */
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) => ({
        secret: config.get('app.secretKey', { infer: true }),
        signOptions: { algorithm: 'HS256' },
      }),
    }),
  ],
  providers: [AuthTokensService],
  exports: [AuthTokensService, JwtModule],
})
export class AuthTokensModule {}
