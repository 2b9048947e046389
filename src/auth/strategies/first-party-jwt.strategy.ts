import { createSecretKey } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { PassportStrategy } from '@nestjs/passport';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request } from 'express';
import { Strategy } from 'passport-jwt';
import { FIRST_PARTY_STRATEGY } from 'src/auth/guards/strategy-names';
import { type Principal, type RequestWithPrincipal, withCallerRead } from 'src/auth/principal';
import { PrincipalStatement } from 'src/auth/principal-statement';
import { ALL_SCOPES } from 'src/auth/scopes';
import type { AppConfig } from 'src/config/configuration';
import type { CallerRead } from 'src/database/caller-read';
import { EntityRows } from 'src/database/entity-rows';
import { PreparedQueries } from 'src/database/prepared-queries';
import { SqlParams } from 'src/database/sql-params';
import { hashToken } from 'src/users/secrets';
import { User } from 'src/users/user.entity';
import { DataSource } from 'typeorm';

/**
 * The text after the first space of the Authorization header, whatever the scheme word
 * (docs/oauth2.md#resource-protection step 2).
 */
export function tokenFromHeader(request: Request): string | null {
  const header = request.headers.authorization ?? '';
  const space = header.indexOf(' ');
  return space < 0 ? null : header.slice(space + 1);
}

/**
 * The HS256 key as a `KeyObject`: given a string, jsonwebtoken first tries (and fails) to read
 * it as a public key on every verification, about 0.8 ms per request. jsonwebtoken accepts a
 * KeyObject; passport-jwt's typings only list string | Buffer, whence the cast.
 */
function hmacKey(secret: string): Buffer {
  return createSecretKey(Buffer.from(secret, 'utf8')) as unknown as Buffer;
}

interface FirstPartyPayload {
  sub?: unknown;
}

/**
 * First-party token: an HS256 JWT signed with APP_SECRET_KEY whose `sub` is an existing user
 * id (docs/compatibility.md#auth-tokens), not blacklisted by a logout. Anything else is "not
 * recognised", so the guard tries OAuth2 next.
 */
@Injectable()
export class FirstPartyJwtStrategy extends PassportStrategy(Strategy, FIRST_PARTY_STRATEGY) {
  private readonly users: EntityRows<User>;
  private readonly userUnlessLoggedOut: PrincipalStatement;

  constructor(
    config: ConfigService<AppConfig, true>,
    @InjectDataSource() dataSource: DataSource,
    private readonly queries: PreparedQueries,
  ) {
    super({
      jwtFromRequest: tokenFromHeader,
      secretOrKey: hmacKey(config.get('app.secretKey', { infer: true })),
      algorithms: ['HS256'],
      ignoreExpiration: false,
      passReqToCallback: true,
    });
    this.users = new EntityRows(dataSource, User);
    this.userUnlessLoggedOut = new PrincipalStatement(
      `WITH "found" AS (
         SELECT ${this.users.selectList('u')} FROM "users" u WHERE u.id = $1
            AND NOT EXISTS (SELECT 1 FROM "blacklisted_tokens" b WHERE b.token_hash = $2))`,
    );
  }

  async validate(
    request: Request & RequestWithPrincipal,
    payload: FirstPartyPayload,
  ): Promise<Principal | false> {
    const token = tokenFromHeader(request);
    const id = typeof payload.sub === 'number' ? payload.sub : Number(payload.sub);
    if (token === null || !Number.isSafeInteger(id)) return false;
    const found = await this.findUnlessLoggedOut(id, token, request.callerRead?.read);
    if (!found) return false;
    const principal: Principal = {
      user: found.user,
      scopes: ALL_SCOPES,
      kind: 'first-party',
      token,
    };
    return withCallerRead(request, principal, found.read);
  }

  /**
   * The token's user, unless the token is on the logout blacklist: a logged-out token is "not
   * recognised", hence invalid_token (docs/oauth2.md#resource-protection step 3). One round trip
   * on two unique indexes, asked afresh on every request: a logout, a deactivation or a deletion
   * applies at once, in every process. What the route reads about its caller comes in the
   * same round trip.
   */
  private async findUnlessLoggedOut(
    id: number,
    token: string,
    read: CallerRead<unknown> | undefined,
  ): Promise<{ user: User; read: unknown } | null> {
    const params = new SqlParams([id, hashToken(token)]);
    const [row] = await this.queries.rows<Record<string, unknown>>(
      this.userUnlessLoggedOut.reading(read, params),
      params.values,
    );
    if (row === undefined) return null;
    return { user: this.users.hydrate(row), read: read?.read(row) };
  }
}
