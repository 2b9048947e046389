import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  buildPagination,
  paginated,
  type PaginatedResult,
} from 'src/common/envelope/envelope.types';
import { InvalidPayloadError, NotFoundError } from 'src/common/errors/http-errors';
import { IdempotencyService } from 'src/common/idempotency/idempotency.service';
import type { IdempotencyRequest } from 'src/common/idempotency/idempotency-request';
import { parseClientMetadata } from 'src/oauth2/clients/client-metadata';
import type { OAuth2ClientResponseDto } from 'src/oauth2/clients/dto/oauth2-client-response.dto';
import { toOAuth2ClientResponse } from 'src/oauth2/clients/dto/to-oauth2-client-response';
import { isPublicClient, OAuth2Client } from 'src/oauth2/clients/oauth2-client.entity';
import { CorsOriginsService } from 'src/oauth2/cors/cors-origins.service';
import { OAuth2TokensService } from 'src/oauth2/tokens/oauth2-tokens.service';
import { hashSecret, randomAlphanumeric } from 'src/oauth2/tokens/secrets';
import type { User } from 'src/users/user.entity';
import { Repository } from 'typeorm';

/** Fixed page size of `GET /api/oauth/apps` (as in FitTrackee). */
export const CLIENTS_PER_PAGE = 5;
const NOT_FOUND = 'OAuth2 client not found';

type ClientEnvelope = { client: OAuth2ClientResponseDto };

/** A user's own OAuth2 clients (docs/oauth2.md#clients), plus client lookup for the grants. */
@Injectable()
export class OAuth2ClientsService {
  constructor(
    @InjectRepository(OAuth2Client) private readonly clients: Repository<OAuth2Client>,
    private readonly tokens: OAuth2TokensService,
    private readonly idempotency: IdempotencyService,
    private readonly corsOrigins: CorsOriginsService,
  ) {}

  async list(
    user: User,
    page: number,
  ): Promise<PaginatedResult<{ clients: OAuth2ClientResponseDto[] }>> {
    const [rows, total] = await this.clients.findAndCount({
      where: { userId: user.id },
      order: { id: 'DESC' },
      skip: (page - 1) * CLIENTS_PER_PAGE,
      take: CLIENTS_PER_PAGE,
    });
    return paginated(
      { clients: rows.map((client) => toOAuth2ClientResponse(client)) },
      buildPagination(page, CLIENTS_PER_PAGE, total),
    );
  }

  /**
   * Client id 24 and secret 48 alphanumerics; the secret is returned this once only, or to a
   * retry with the same `Idempotency-Key` (stored sealed, see IdempotencyService). A public
   * client gets no secret (docs/oauth2.md#public-clients).
   */
  async create(user: User, body: unknown, key?: IdempotencyRequest): Promise<ClientEnvelope> {
    const metadata = parseClientMetadata(body);
    const { result } = await this.clients.manager.transaction((manager) =>
      this.idempotency.run(manager, user.id, key, async () => {
        const clientSecret = isPublicClient(metadata) ? undefined : randomAlphanumeric(48);
        const client = await manager.save(
          manager.create(OAuth2Client, {
            ...metadata,
            clientId: randomAlphanumeric(24),
            clientSecretHash: clientSecret === undefined ? null : hashSecret(clientSecret),
            issuedAt: new Date(),
            userId: user.id,
          }),
        );
        return { client: toOAuth2ClientResponse(client, clientSecret) };
      }),
    );
    this.corsOrigins.forget();
    return result;
  }

  async getByClientId(user: User, clientId: string): Promise<ClientEnvelope> {
    const client = await this.clients.findOneBy({ clientId, userId: user.id });
    if (!client) throw new NotFoundError(NOT_FOUND);
    return { client: toOAuth2ClientResponse(client) };
  }

  async getById(user: User, id: string): Promise<ClientEnvelope> {
    return { client: toOAuth2ClientResponse(await this.requireOwn(user, id)) };
  }

  /** Codes and tokens go with the client (ON DELETE CASCADE). */
  async remove(user: User, id: string): Promise<void> {
    await this.clients.delete({ id: (await this.requireOwn(user, id)).id });
    this.corsOrigins.forget();
  }

  /** Owner only, unlike the reference (FitTrackee `POST /api/oauth/apps/<id>/revoke` ⚠). */
  async revokeTokens(user: User, id: string): Promise<void> {
    await this.tokens.revokeForClient((await this.requireOwn(user, id)).id);
  }

  /** The caller's own client with this public `client_id`, or null (webhook management). */
  findOwnedByClientId(user: User, clientId: string): Promise<OAuth2Client | null> {
    return this.clients.findOneBy({ clientId, userId: user.id });
  }

  findByClientId(clientId: string): Promise<OAuth2Client | null> {
    return this.clients.findOneBy({ clientId });
  }

  /** By row id, e.g. the client of a device authorization request. */
  findById(id: number): Promise<OAuth2Client | null> {
    return this.clients.findOneBy({ id });
  }

  private async requireOwn(user: User, id: string): Promise<OAuth2Client> {
    const numericId = /^\d{1,9}$/.test(id) ? Number(id) : undefined;
    const client =
      numericId === undefined
        ? null
        : await this.clients.findOneBy({ id: numericId, userId: user.id });
    if (!client) throw new NotFoundError(NOT_FOUND);
    return client;
  }
}

/**
 * `page` query: default 1, below 1 → 1 (docs/compatibility.md#pagination); not an integer → invalid
 * payload.
 */
export function parsePage(value: unknown): number {
  if (value === undefined || value === '') return 1;
  if (typeof value !== 'string' || !/^-?\d{1,9}$/.test(value)) throw new InvalidPayloadError();
  return Math.max(1, Number(value));
}
