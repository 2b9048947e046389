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
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, FirstPartyOnly, Public } from 'src/auth/decorators';
import { RawResponse } from 'src/common/envelope/raw-response.decorator';
import { FORM_MEDIA_TYPES, FormBody } from 'src/common/validation/form-body.decorator';
import { OAuth2AuthorizeService } from 'src/oauth2/authorization/oauth2-authorize.service';
import { ApiAuthorizeForm } from 'src/oauth2/authorize-form-docs.decorator';
import type { OAuth2IntrospectionResponseDto } from 'src/oauth2/dto/oauth2-introspection-response.dto';
import type { OAuth2TokenResponseDto } from 'src/oauth2/dto/oauth2-token-response.dto';
import { ApiIntrospectForm } from 'src/oauth2/introspect-form-docs.decorator';
import { NO_STORE_HEADERS } from 'src/oauth2/oauth2.errors';
import { ApiRevokeForm, ApiTokenForm } from 'src/oauth2/oauth2-form-docs.decorator';
import { OAuth2InputErrorFilter } from 'src/oauth2/oauth2-input-error.filter';
import { type OAuth2Form, OAuth2TokenService } from 'src/oauth2/oauth2-token.service';
import { SecureTransportGuard } from 'src/oauth2/transport/secure-transport.guard';
import type { User } from 'src/users/user.entity';

/**
 * The OAuth2 endpoints (FitTrackee `/api/oauth/*`, plus RFC 7662 introspection): form fields in,
 * RFC 6749 bodies out.
 */
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
  @RawResponse()
  @HttpCode(200)
  @ApiTokenForm()
  token(
    @FormBody() form: OAuth2Form,
    @Headers('authorization') authorization: string | undefined,
    @Ip() ip: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<OAuth2TokenResponseDto> {
    response.set(NO_STORE_HEADERS);
    return this.tokenService.token(form, authorization, ip);
  }

  @Post('revoke')
  @Public()
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

  @Post('introspect')
  @Public()
  @RawResponse()
  @HttpCode(200)
  @ApiIntrospectForm()
  introspect(
    @FormBody() form: OAuth2Form,
    @Headers('authorization') authorization: string | undefined,
    @Ip() ip: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<OAuth2IntrospectionResponseDto> {
    response.set(NO_STORE_HEADERS);
    return this.tokenService.introspect(form, authorization, ip);
  }
}
