import { Controller, Header, HttpCode, Ip, Post, UseGuards } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { EMAIL_SENDING_DISABLED, INVALID_PAYLOAD } from 'src/auth/auth-error-descriptions';
import { authTokenExample, messageExample } from 'src/auth/auth-examples';
import { CurrentPrincipal, CurrentUser, FirstPartyOnly, Public } from 'src/auth/decorators';
import { RequestDevice } from 'src/auth/decorators/request-device.decorator';
import { AuthTokenResponseDto } from 'src/auth/dto/auth-token-response.dto';
import { EmailDto } from 'src/auth/dto/email.dto';
import { LoginDto } from 'src/auth/dto/login.dto';
import { MessageResponseDto } from 'src/auth/dto/message-response.dto';
import { PasswordUpdateDto } from 'src/auth/dto/password-update.dto';
import { PrivacyPolicyDto } from 'src/auth/dto/privacy-policy.dto';
import { RegisterDto } from 'src/auth/dto/register.dto';
import { StatusResponseDto } from 'src/auth/dto/status-response.dto';
import { TokenDto } from 'src/auth/dto/token.dto';
import { EmailSendingEnabledGuard } from 'src/auth/guards/email-sending-enabled.guard';
import { RegistrationEnabledGuard } from 'src/auth/guards/registration-enabled.guard';
import { PasswordResetService } from 'src/auth/password-reset.service';
import type { Principal } from 'src/auth/principal';
import { RegistrationService } from 'src/auth/registration.service';
import { SessionService } from 'src/auth/session.service';
import type { TopLevelResult } from 'src/common/envelope/envelope.types';
import { ApiErrors } from 'src/common/openapi/api-error-responses.decorator';
import { ApiLimitResponse } from 'src/common/rate-limit/api-limit-response.decorator';
import { RateLimitGuard } from 'src/common/rate-limit/rate-limit.guard';
import { JsonBody } from 'src/common/validation/json-body.decorator';
import type { User } from 'src/users/user.entity';

/** Accounts and sessions: FitTrackee `/api/auth/*` outside the profile. */
@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly registration: RegistrationService,
    private readonly sessions: SessionService,
    private readonly passwordReset: PasswordResetService,
  ) {}

  /**
   * Creates an inactive account and emails its confirmation link (FitTrackee
   * `POST /api/auth/register`). An email already registered answers the same success and
   * creates nothing, so the answer never tells whether an address has an account.
   */
  @Post('register')
  @Public()
  @ApiResponse({
    status: 200,
    description: 'Account created (or email already known): `{"status": "success"}`.',
    type: StatusResponseDto,
    example: { status: 'success' },
  })
  @ApiErrors({
    400:
      '`invalid payload`; `sorry, you must agree privacy policy to register` unless ' +
      '`accepted_policy` is `true`; the rule messages, one a line (`username: 3 to 30 ' +
      'characters required`, `email: valid email must be provided`, `password: 8 characters ' +
      'required`…); `sorry, that username is already taken`.',
    403: 'Registration is closed on this instance: `error, registration is disabled`.',
  })
  @ApiLimitResponse()
  @UseGuards(RateLimitGuard, RegistrationEnabledGuard)
  @HttpCode(200)
  register(
    @JsonBody(RegisterDto) dto: RegisterDto,
    @RequestDevice() device: string,
  ): Promise<void> {
    return this.registration.register(dto, device);
  }

  /**
   * Exchanges an active account's email (case-insensitive) and password for a first-party
   * token (FitTrackee `POST /api/auth/login`). Failed attempts are limited per email and per
   * address.
   */
  @Post('login')
  @Public()
  @ApiResponse({
    status: 200,
    description: '`successfully logged in`, with `auth_token`.',
    type: AuthTokenResponseDto,
    example: authTokenExample('successfully logged in'),
  })
  @ApiErrors({
    400: INVALID_PAYLOAD,
    401: 'Unknown email, wrong password or inactive account: `invalid credentials`.',
  })
  @ApiLimitResponse()
  @UseGuards(RateLimitGuard)
  @HttpCode(200)
  // The answer carries a token (as RFC 6749 §5.1 for token responses).
  @Header('Cache-Control', 'no-store')
  login(@JsonBody(LoginDto) dto: LoginDto, @Ip() ip: string): Promise<TopLevelResult> {
    return this.sessions.login(dto, ip);
  }

  /**
   * Revokes the first-party token of the request until it expires (FitTrackee
   * `POST /api/auth/logout`). OAuth2 tokens are refused: they are revoked at `/api/oauth/revoke`.
   */
  @Post('logout')
  @FirstPartyOnly()
  @ApiResponse({
    status: 200,
    description: '`successfully logged out`.',
    type: MessageResponseDto,
    example: messageExample('successfully logged out'),
  })
  @HttpCode(200)
  logout(@CurrentPrincipal() principal: Principal): Promise<TopLevelResult> {
    return this.sessions.logout(principal);
  }

  /**
   * Emails a password-reset link to the account with exactly this address, if there is one
   * (FitTrackee `POST /api/auth/password/reset-request`). Each request counts against the
   * address and the account, since each one sends an email.
   */
  @Post('password/reset-request')
  @Public()
  @ApiResponse({
    status: 200,
    description: '`password reset request processed`, whether the email is known or not.',
    type: MessageResponseDto,
    example: messageExample('password reset request processed'),
  })
  @ApiErrors({ 400: INVALID_PAYLOAD, 404: EMAIL_SENDING_DISABLED })
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

  /**
   * Sets a new password with the token of the reset email and notifies the user by email
   * (FitTrackee `POST /api/auth/password/update`). As in FitTrackee, the token stays valid
   * until it expires.
   */
  @Post('password/update')
  @Public()
  @ApiResponse({
    status: 200,
    description: '`password updated`.',
    type: MessageResponseDto,
    example: messageExample('password updated'),
  })
  @ApiErrors({
    400: '`invalid payload`, or the password rule broken: `password: 8 characters required`.',
    401:
      'Malformed, badly signed or expired token, or unknown user: ' +
      '`invalid token, please request a new token`.',
  })
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

  /**
   * Activates the account with the token of the confirmation email and logs the user in
   * (FitTrackee `POST /api/auth/account/confirm`).
   */
  @Post('account/confirm')
  @Public()
  @ApiResponse({
    status: 200,
    description: '`account confirmation successful`, with `auth_token`.',
    type: AuthTokenResponseDto,
    example: authTokenExample('account confirmation successful'),
  })
  @ApiErrors({
    400: '`invalid payload`: no token, or an unknown or used one.',
  })
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  confirmAccount(@JsonBody(TokenDto) dto: TokenDto): Promise<TopLevelResult> {
    return this.registration.confirm(dto.token);
  }

  /**
   * Sends a new confirmation email to the inactive account with exactly this address, if there
   * is one (FitTrackee `POST /api/auth/account/resend-confirmation`).
   */
  @Post('account/resend-confirmation')
  @Public()
  @ApiResponse({
    status: 200,
    description: '`confirmation email resent`, whether the email is known or not.',
    type: MessageResponseDto,
    example: messageExample('confirmation email resent'),
  })
  @ApiErrors({ 400: INVALID_PAYLOAD, 404: EMAIL_SENDING_DISABLED })
  @ApiLimitResponse()
  @UseGuards(RateLimitGuard, EmailSendingEnabledGuard)
  @HttpCode(200)
  resendConfirmation(
    @JsonBody(EmailDto) dto: EmailDto,
    @RequestDevice() device: string,
  ): Promise<TopLevelResult> {
    return this.registration.resendConfirmation(dto.email, device);
  }

  /**
   * Records that the user accepts the instance's current privacy policy (FitTrackee
   * `POST /api/auth/account/privacy-policy`); first-party tokens only.
   */
  @Post('account/privacy-policy')
  @FirstPartyOnly()
  @ApiResponse({
    status: 200,
    description: 'Acceptance recorded: `{"status": "success"}`.',
    type: StatusResponseDto,
    example: { status: 'success' },
  })
  @ApiErrors({
    400: '`invalid payload` unless `accepted_policy` is JSON `true`.',
  })
  @HttpCode(200)
  acceptPrivacyPolicy(
    @CurrentUser() user: User,
    @JsonBody(PrivacyPolicyDto) _dto: PrivacyPolicyDto,
  ): Promise<void> {
    return this.sessions.acceptPrivacyPolicy(user);
  }
}
