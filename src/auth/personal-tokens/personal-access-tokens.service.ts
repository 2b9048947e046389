import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { PersonalAccessTokenResponseDto } from 'src/auth/personal-tokens/dto/personal-access-token-response.dto';
import { toPersonalAccessTokenResponse } from 'src/auth/personal-tokens/dto/to-personal-access-token-response';
import { PersonalAccessToken } from 'src/auth/personal-tokens/personal-access-token.entity';
import { generatePersonalAccessToken } from 'src/auth/personal-tokens/personal-access-token-format';
import { parsePersonalAccessTokenRequest } from 'src/auth/personal-tokens/personal-access-token-request';
import { InvalidPayloadError, NotFoundError } from 'src/common/errors/http-errors';
import { hashSecret } from 'src/oauth2/tokens/secrets';
import type { User } from 'src/users/user.entity';
import { Repository } from 'typeorm';

/** How many tokens one user may hold, expired ones included (docs/oauth2.md#personal-access-tokens). */
export const MAX_TOKENS_PER_USER = 50;
const NOT_FOUND = 'personal access token not found';
const DAY_MS = 86_400_000;

type TokenEnvelope = { token: PersonalAccessTokenResponseDto };

/** A user's personal access tokens: create, list and revoke. */
@Injectable()
export class PersonalAccessTokensService {
  constructor(
    @InjectRepository(PersonalAccessToken)
    private readonly tokens: Repository<PersonalAccessToken>,
  ) {}

  async list(user: User): Promise<{ tokens: PersonalAccessTokenResponseDto[] }> {
    const rows = await this.tokens.find({ where: { userId: user.id }, order: { id: 'DESC' } });
    return { tokens: rows.map((row) => toPersonalAccessTokenResponse(row)) };
  }

  /** The secret is in this answer only; the user row is locked so the limit holds under races. */
  async create(user: User, body: unknown): Promise<TokenEnvelope> {
    const request = parsePersonalAccessTokenRequest(body);
    const secret = generatePersonalAccessToken();
    const now = new Date();
    const saved = await this.tokens.manager.transaction(async (manager) => {
      await manager.query('SELECT 1 FROM "users" WHERE "id" = $1 FOR UPDATE', [user.id]);
      if ((await manager.countBy(PersonalAccessToken, { userId: user.id })) >= MAX_TOKENS_PER_USER)
        throw new InvalidPayloadError(
          `personal access tokens limit reached (${MAX_TOKENS_PER_USER} per user): revoke one first`,
        );
      return manager.save(
        manager.create(PersonalAccessToken, {
          userId: user.id,
          name: request.name,
          tokenHash: hashSecret(secret),
          scope: request.scopes.join(' '),
          createdAt: now,
          expiresAt:
            request.expiresInDays === null
              ? null
              : new Date(now.getTime() + request.expiresInDays * DAY_MS),
          lastUsedAt: null,
        }),
      );
    });
    return { token: toPersonalAccessTokenResponse(saved, secret) };
  }

  /** Revoking deletes the row: the token is unknown from then on. */
  async remove(user: User, id: string): Promise<void> {
    const numericId = /^\d{1,9}$/.test(id) ? Number(id) : undefined;
    const result =
      numericId === undefined
        ? undefined
        : await this.tokens.delete({ id: numericId, userId: user.id });
    if ((result?.affected ?? 0) === 0) throw new NotFoundError(NOT_FOUND);
  }
}
