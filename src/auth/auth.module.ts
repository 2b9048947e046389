import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfigModule } from 'src/app-config/app-config.module';
import { AccountService } from 'src/auth/account.service';
import { AccountEmailsService } from 'src/auth/account-emails.service';
import { AuthController } from 'src/auth/auth.controller';
import { AuthTokensModule } from 'src/auth/auth-tokens.module';
import { BlacklistedToken } from 'src/auth/blacklist/blacklisted-token.entity';
import { TokenBlacklistService } from 'src/auth/blacklist/token-blacklist.service';
import { EmailSendingEnabledGuard } from 'src/auth/guards/email-sending-enabled.guard';
import { RegistrationEnabledGuard } from 'src/auth/guards/registration-enabled.guard';
import { PasswordService } from 'src/auth/password.service';
import { PasswordResetService } from 'src/auth/password-reset.service';
import { PersonalAccessTokensModule } from 'src/auth/personal-tokens/personal-access-tokens.module';
import { PictureService } from 'src/auth/picture/picture.service';
import { PictureUploadInterceptor } from 'src/auth/picture/picture-upload.interceptor';
import { ProfileController } from 'src/auth/profile.controller';
import { ProfileService } from 'src/auth/profile.service';
import { RegistrationService } from 'src/auth/registration.service';
import { SessionService } from 'src/auth/session.service';
import { FirstPartyJwtStrategy } from 'src/auth/strategies/first-party-jwt.strategy';
import { FirstPartyUserLookup } from 'src/auth/strategies/first-party-user-lookup';
import {
  BLACKLISTED_TOKENS_CLEANER,
  type ExpiredTokensCleaner,
} from 'src/users/maintenance/token-cleaners';
import { User } from 'src/users/user.entity';
import { UsersModule } from 'src/users/users.module';

@Module({
  imports: [
    PassportModule,
    UsersModule,
    AppConfigModule,
    TypeOrmModule.forFeature([User, BlacklistedToken]),
    AuthTokensModule,
    PersonalAccessTokensModule,
  ],
  controllers: [AuthController, ProfileController],
  providers: [
    {
      provide: BLACKLISTED_TOKENS_CLEANER,
      inject: [TokenBlacklistService],
      useFactory: (blacklist: TokenBlacklistService): ExpiredTokensCleaner => ({
        cleanExpired: (days) => blacklist.purgeExpiredBefore(days),
      }),
    },
    FirstPartyJwtStrategy,
    FirstPartyUserLookup,
    TokenBlacklistService,
    PasswordService,
    AccountEmailsService,
    RegistrationService,
    SessionService,
    PasswordResetService,
    ProfileService,
    AccountService,
    PictureService,
    PictureUploadInterceptor,
    RegistrationEnabledGuard,
    EmailSendingEnabledGuard,
  ],
  exports: [AuthTokensModule, TokenBlacklistService, PasswordService, AccountEmailsService],
})
export class AuthModule {}
