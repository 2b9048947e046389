import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthTokensService } from 'src/auth/auth-tokens.service';
import { FirstPartyJwtStrategy } from 'src/auth/strategies/first-party-jwt.strategy';
import type { AppConfig } from 'src/config/configuration';
import { User } from 'src/users/user.entity';

@Module({
  imports: [
    PassportModule,
    TypeOrmModule.forFeature([User]),
    JwtModule.registerAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) => ({
        secret: config.get('app.secretKey', { infer: true }),
        signOptions: { algorithm: 'HS256' },
      }),
    }),
  ],
  providers: [FirstPartyJwtStrategy, AuthTokensService],
  exports: [AuthTokensService],
})
export class AuthModule {}
