import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, FirstPartyOnly } from 'src/auth/decorators';
import type { PaginatedResult } from 'src/common/envelope/envelope.types';
import { IdempotencyKey } from 'src/common/idempotency/idempotency-key.decorator';
import type { IdempotencyRequest } from 'src/common/idempotency/idempotency-request';
import { ApiClientMetadataBody } from 'src/oauth2/clients/client-metadata-docs.decorator';
import type { OAuth2ClientResponseDto } from 'src/oauth2/clients/dto/oauth2-client-response.dto';
import { OAuth2ClientsService, parsePage } from 'src/oauth2/clients/oauth2-clients.service';
import {
  ApiCreateClient,
  ApiDeleteClient,
  ApiGetClientByClientId,
  ApiGetClientById,
  ApiListClients,
  ApiRevokeClientTokens,
} from 'src/oauth2/clients/oauth2-clients-docs.decorator';
import type { User } from 'src/users/user.entity';

type ClientEnvelope = { client: OAuth2ClientResponseDto };

/** FitTrackee `/api/oauth/apps`: a user's own OAuth2 clients, for first-party tokens only. */
@ApiTags('oauth2')
@Controller('oauth/apps')
export class OAuth2ClientsController {
  constructor(private readonly service: OAuth2ClientsService) {}

  @Get()
  @FirstPartyOnly()
  @ApiListClients()
  list(
    @CurrentUser() user: User,
    @Query('page') page: unknown,
  ): Promise<PaginatedResult<{ clients: OAuth2ClientResponseDto[] }>> {
    return this.service.list(user, parsePage(page));
  }

  @Post()
  @FirstPartyOnly()
  @HttpCode(201)
  @ApiCreateClient()
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
  @ApiGetClientByClientId()
  getByClientId(
    @CurrentUser() user: User,
    @Param('client_id') clientId: string,
  ): Promise<ClientEnvelope> {
    return this.service.getByClientId(user, clientId);
  }

  @Get(':id/by_id')
  @FirstPartyOnly()
  @ApiGetClientById()
  getById(@CurrentUser() user: User, @Param('id') id: string): Promise<ClientEnvelope> {
    return this.service.getById(user, id);
  }

  @Delete(':id')
  @FirstPartyOnly()
  @HttpCode(204)
  @ApiDeleteClient()
  remove(@CurrentUser() user: User, @Param('id') id: string): Promise<void> {
    return this.service.remove(user, id);
  }

  @Post(':id/revoke')
  @FirstPartyOnly()
  @HttpCode(200)
  @ApiRevokeClientTokens()
  revokeTokens(@CurrentUser() user: User, @Param('id') id: string): Promise<void> {
    return this.service.revokeTokens(user, id);
  }
}
