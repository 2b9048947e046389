import { Controller, Header, HttpCode, Ip, Post, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { CurrentPrincipal, CurrentUser, FirstPartyOnly, Public } from 'src/auth/decorators';
import { RequestDevice } from 'src/auth/decorators/request-device.decorator';
import { EmailDto } from 'src/auth/dto/email.dto';
import { LoginDto } from 'src/auth/dto/login.dto';
import { PasswordUpdateDto } from 'src/auth/dto/password-update.dto';
import { PrivacyPolicyDto } from 'src/auth/dto/privacy-policy.dto';
import { RegisterDto } from 'src/auth/dto/register.dto';
import { TokenDto } from 'src/auth/dto/token.dto';
import { EmailSendingEnabledGuard } from 'src/auth/guards/email-sending-enabled.guard';
import { RegistrationEnabledGuard } from 'src/auth/guards/registration-enabled.guard';
import { PasswordResetService } from 'src/auth/password-reset.service';
import type { Principal } from 'src/auth/principal';
import { RegistrationService } from 'src/auth/registration.service';
import { SessionService } from 'src/auth/session.service';
import type { TopLevelResult } from 'src/common/envelope/envelope.types';
import { ApiLimitResponse } from 'src/common/rate-limit/api-limit-response.decorator';
import { RateLimitGuard } from 'src/common/rate-limit/rate-limit.guard';
import { JsonBody } from 'src/common/validation/json-body.decorator';
import type { User } from 'src/users/user.entity';

/** Accounts and sessions: FitTrackee `/api/auth/*` outside the profile (FitTrackee `/api/auth`). */
@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly registration: RegistrationService,
    private readonly sessions: SessionService,
    private readonly passwordReset: PasswordResetService,
  ) {}

  @Post('register')
  @Public()
  @UseGuards(RateLimitGuard, RegistrationEnabledGuard)
  @HttpCode(200)
  register(
    @JsonBody(RegisterDto) dto: RegisterDto,
    @RequestDevice() device: string,
  ): Promise<void> {
    return this.registration.register(dto, device);
  }

  @Post('login')
  @Public()
  @ApiOkResponse({ description: '`successfully logged in`, with `auth_token`.' })
  @ApiBadRequestResponse({ description: '`invalid payload`.' })
  @ApiUnauthorizedResponse({ description: '`invalid credentials`.' })
  @ApiLimitResponse()
  @UseGuards(RateLimitGuard)
  @HttpCode(200)
  // The answer carries a token (as RFC 6749 §5.1 for token responses).
  @Header('Cache-Control', 'no-store')
  login(@JsonBody(LoginDto) dto: LoginDto, @Ip() ip: string): Promise<TopLevelResult> {
    return this.sessions.login(dto, ip);
  }

  @Post('logout')
  @FirstPartyOnly()
  @HttpCode(200)
  logout(@CurrentPrincipal() principal: Principal): Promise<TopLevelResult> {
    return this.sessions.logout(principal);
  }

  @Post('password/reset-request')
  @Public()
  @ApiOkResponse({
    description: '`password reset request processed`, whether the email is known or not.',
  })
  @ApiBadRequestResponse({ description: '`invalid payload`.' })
  @ApiNotFoundResponse({ description: 'Email sending is disabled.' })
  @ApiLimitResponse()
  @UseGuards(RateLimitGuard, EmailSendingEnabledGuard)
  @HttpCode(200)
  requestPasswordReset(
    @JsonBody(EmailDto) dto: EmailDto,
    @RequestDevice() device: string,
    @Ip() ip: string,
  ): Promise<TopLevelResult> {
    return this.passwordReset.requestReset(dto.email, device, ip);
  }

  @Post('password/update')
  @Public()
  @ApiOkResponse({ description: '`password updated`.' })
  @ApiBadRequestResponse({ description: '`invalid payload`, or the password rule broken.' })
  @ApiUnauthorizedResponse({ description: '`invalid token, please request a new token`.' })
  @ApiLimitResponse()
  @UseGuards(RateLimitGuard)
  @HttpCode(200)
  updatePassword(
    @JsonBody(PasswordUpdateDto) dto: PasswordUpdateDto,
    @RequestDevice() device: string,
    @Ip() ip: string,
  ): Promise<TopLevelResult> {
    return this.passwordReset.updatePassword(dto, device, ip);
  }

  @Post('account/confirm')
  @Public()
  @ApiBadRequestResponse({ description: '`invalid payload`: unknown or used token.' })
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  confirmAccount(@JsonBody(TokenDto) dto: TokenDto): Promise<TopLevelResult> {
    return this.registration.confirm(dto.token);
  }

  @Post('account/resend-confirmation')
  @Public()
  @UseGuards(RateLimitGuard, EmailSendingEnabledGuard)
  @HttpCode(200)
  resendConfirmation(
    @JsonBody(EmailDto) dto: EmailDto,
    @RequestDevice() device: string,
  ): Promise<TopLevelResult> {
    return this.registration.resendConfirmation(dto.email, device);
  }

  @Post('account/privacy-policy')
  @FirstPartyOnly()
  @HttpCode(200)
  acceptPrivacyPolicy(
    @CurrentUser() user: User,
    @JsonBody(PrivacyPolicyDto) _dto: PrivacyPolicyDto,
  ): Promise<void> {
    return this.sessions.acceptPrivacyPolicy(user);
  }
}
