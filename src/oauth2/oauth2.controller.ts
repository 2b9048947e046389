import {
  Controller,
  Headers,
  HttpCode,
  Ip,
  Post,
  Res,
  UseFilters,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { NoFilesInterceptor } from '@nestjs/platform-express';
import {
  ApiBadRequestResponse,
  ApiConsumes,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, FirstPartyOnly, Public } from 'src/auth/decorators';
import { RawResponse } from 'src/common/envelope/raw-response.decorator';
import { ApiLimitResponse } from 'src/common/rate-limit/api-limit-response.decorator';
import { FORM_MEDIA_TYPES, FormBody } from 'src/common/validation/form-body.decorator';
import { OAuth2AuthorizeService } from 'src/oauth2/authorization/oauth2-authorize.service';
import { NO_STORE_HEADERS } from 'src/oauth2/oauth2.errors';
import {
  ApiAuthorizeForm,
  ApiRevokeForm,
  ApiTokenForm,
} from 'src/oauth2/oauth2-form-docs.decorator';
import { OAuth2InputErrorFilter } from 'src/oauth2/oauth2-input-error.filter';
import {
  type OAuth2Form,
  OAuth2TokenService,
  type TokenResponse,
} from 'src/oauth2/oauth2-token.service';
import { SecureTransportGuard } from 'src/oauth2/transport/secure-transport.guard';
import type { User } from 'src/users/user.entity';

/** The OAuth2 endpoints (docs/oauth2.md#authorization-code-flow): form fields in, RFC 6749 bodies out. */
@ApiTags('oauth2')
@Controller('oauth')
@UseGuards(SecureTransportGuard)
@UseFilters(OAuth2InputErrorFilter)
@UseInterceptors(NoFilesInterceptor())
@ApiConsumes(...FORM_MEDIA_TYPES)
export class OAuth2Controller {
  constructor(
    private readonly authorizeService: OAuth2AuthorizeService,
    private readonly tokenService: OAuth2TokenService,
  ) {}

  /** The first-party web client grants a client; answers `{"redirect_url": ...}`. */
  @Post('authorize')
  @FirstPartyOnly()
  @RawResponse()
  @HttpCode(200)
  @ApiAuthorizeForm()
  authorize(
    @CurrentUser() user: User,
    @FormBody() form: Readonly<Record<string, unknown>>,
  ): Promise<{ redirect_url: string }> {
    return this.authorizeService.authorizeFromApi(user, form);
  }

  @Post('token')
  @Public()
  @ApiOkResponse({ description: 'RFC 6749 §5.1 token response.' })
  @ApiBadRequestResponse({ description: 'RFC 6749 §5.2 error body.' })
  @ApiLimitResponse('oauth2')
  @RawResponse()
  @HttpCode(200)
  @ApiTokenForm()
  token(
    @FormBody() form: OAuth2Form,
    @Headers('authorization') authorization: string | undefined,
    @Ip() ip: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TokenResponse> {
    response.set(NO_STORE_HEADERS);
    return this.tokenService.token(form, authorization, ip);
  }

  /** RFC 7009 revocation. */
  @Post('revoke')
  @Public()
  @ApiOkResponse({ description: '`{}` (RFC 7009 §2.2), whether the token was found or not.' })
  @ApiBadRequestResponse({ description: '`invalid_client` or `invalid_request`.' })
  @ApiUnauthorizedResponse({ description: '`unsupported_token_type`.' })
  @ApiLimitResponse('oauth2')
  @RawResponse()
  @HttpCode(200)
  @ApiRevokeForm()
  revoke(
    @FormBody() form: OAuth2Form,
    @Headers('authorization') authorization: string | undefined,
    @Ip() ip: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Record<string, never>> {
    response.set(NO_STORE_HEADERS);
    return this.tokenService.revoke(form, authorization, ip);
  }
}
