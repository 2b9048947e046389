import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentUser, FirstPartyOnly } from 'src/auth/decorators';
import type { PaginatedResult } from 'src/common/envelope/envelope.types';
import { IdempotencyKey } from 'src/common/idempotency/idempotency-key.decorator';
import type { IdempotencyRequest } from 'src/common/idempotency/idempotency-request';
import { ApiClientMetadataBody } from 'src/oauth2/clients/client-metadata-docs.decorator';
import type { OAuth2ClientResponseDto } from 'src/oauth2/clients/dto/oauth2-client-response.dto';
import { OAuth2ClientsService, parsePage } from 'src/oauth2/clients/oauth2-clients.service';
import type { User } from 'src/users/user.entity';

type ClientEnvelope = { client: OAuth2ClientResponseDto };

/** FitTrackee `/api/oauth/apps` (docs/oauth2.md#clients); first-party tokens only (docs/oauth2.md#first-party-only). */
@ApiTags('oauth2')
@Controller('oauth/apps')
export class OAuth2ClientsController {
  constructor(private readonly service: OAuth2ClientsService) {}

  @Get()
  @FirstPartyOnly()
  @ApiQuery({ name: 'page', required: false, schema: { type: 'integer', minimum: 1 } })
  list(
    @CurrentUser() user: User,
    @Query('page') page: unknown,
  ): Promise<PaginatedResult<{ clients: OAuth2ClientResponseDto[] }>> {
    return this.service.list(user, parsePage(page));
  }

  @Post()
  @FirstPartyOnly()
  @HttpCode(201)
  @ApiBadRequestResponse({
    description:
      '`OAuth2 client metadata missing`, `OAuth2 client metadata missing keys: <keys>`, ' +
      '`OAuth2 client invalid scopes`, `OAuth2 client invalid redirect URI ...`, or ' +
      '`invalid Idempotency-Key header`.',
  })
  @ApiClientMetadataBody()
  create(
    @CurrentUser() user: User,
    @Body() body: unknown,
    @IdempotencyKey() key: IdempotencyRequest | undefined,
  ): Promise<ClientEnvelope> {
    return this.service.create(user, body, key);
  }

  @Get(':client_id')
  @FirstPartyOnly()
  getByClientId(
    @CurrentUser() user: User,
    @Param('client_id') clientId: string,
  ): Promise<ClientEnvelope> {
    return this.service.getByClientId(user, clientId);
  }

  @Get(':id/by_id')
  @FirstPartyOnly()
  getById(@CurrentUser() user: User, @Param('id') id: string): Promise<ClientEnvelope> {
    return this.service.getById(user, id);
  }

  @Delete(':id')
  @FirstPartyOnly()
  @HttpCode(204)
  remove(@CurrentUser() user: User, @Param('id') id: string): Promise<void> {
    return this.service.remove(user, id);
  }

  @Post(':id/revoke')
  @FirstPartyOnly()
  @HttpCode(200)
  revokeTokens(@CurrentUser() user: User, @Param('id') id: string): Promise<void> {
    return this.service.revokeTokens(user, id);
  }
}
