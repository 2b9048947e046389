import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { PassportStrategy } from '@nestjs/passport';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request } from 'express';
import { FIRST_PARTY_STRATEGY } from 'src/auth/guards/strategy-names';
import { type Principal, type RequestWithPrincipal, withCallerRead } from 'src/auth/principal';
import { foundUser, PACKED_USER, PrincipalStatement } from 'src/auth/principal-statement';
import { ALL_SCOPES } from 'src/auth/scopes';
import { FirstPartyTokenStrategy } from 'src/auth/strategies/first-party-token.passport';
import { type VerifiedToken, VerifiedTokens } from 'src/auth/strategies/verified-tokens';
import type { AppConfig } from 'src/config/configuration';
import type { CallerRead } from 'src/database/caller-read';
import { EntityRows } from 'src/database/entity-rows';
import { PreparedQueries } from 'src/database/prepared-queries';
import { SqlParams } from 'src/database/sql-params';
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
 * First-party token: an HS256 JWT signed with APP_SECRET_KEY whose `sub` is an existing user
 * id (docs/compatibility.md#auth-tokens), not blacklisted by a logout. Anything else is "not
 * recognised", so the guard tries OAuth2 next.
 */
@Injectable()
export class FirstPartyJwtStrategy extends PassportStrategy(
  FirstPartyTokenStrategy,
  FIRST_PARTY_STRATEGY,
) {
  private readonly users: EntityRows<User>;
  private readonly userUnlessLoggedOut: PrincipalStatement;

  constructor(
    config: ConfigService<AppConfig, true>,
    @InjectDataSource() dataSource: DataSource,
    private readonly queries: PreparedQueries,
  ) {
    const tokens = new VerifiedTokens(config.get('app.secretKey', { infer: true }));
    super({ tokenFromRequest: tokenFromHeader, check: (token: string) => tokens.check(token) });
    this.users = new EntityRows(dataSource, User);
    this.userUnlessLoggedOut = new PrincipalStatement(
      `WITH "found" AS (
         SELECT ${foundUser(this.users, 'u')}
           FROM "users" u WHERE u.id = $1
            AND NOT EXISTS (SELECT 1 FROM "blacklisted_tokens" b WHERE b.token_hash = $2))`,
      `"found"."${PACKED_USER}"`,
    );
  }

  async validate(
    request: Request & RequestWithPrincipal,
    token: VerifiedToken,
  ): Promise<Principal | false> {
    const found = await this.findUnlessLoggedOut(token, request.callerRead?.read);
    if (!found) return false;
    const principal: Principal = {
      user: found.user,
      scopes: ALL_SCOPES,
      kind: 'first-party',
      token: token.token,
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
    token: VerifiedToken,
    read: CallerRead<unknown> | undefined,
  ): Promise<{ user: User; read: unknown } | null> {
    const params = new SqlParams([token.userId, token.tokenHash]);
    const [row] = await this.queries.rows<Record<string, unknown>>(
      this.userUnlessLoggedOut.reading(read, params),
      params.values,
    );
    if (row === undefined) return null;
    return { user: this.users.hydratePacked(row[PACKED_USER]), read: read?.read(row) };
  }
}
