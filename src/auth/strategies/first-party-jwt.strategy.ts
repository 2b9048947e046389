import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { FIRST_PARTY_STRATEGY } from 'src/auth/guards/strategy-names';
import { type Principal, type RequestWithPrincipal, withCallerRead } from 'src/auth/principal';
import { ALL_SCOPES } from 'src/auth/scopes';
import { FirstPartyTokenStrategy } from 'src/auth/strategies/first-party-token.passport';
import { FirstPartyUserLookup } from 'src/auth/strategies/first-party-user-lookup';
import { type VerifiedToken, VerifiedTokens } from 'src/auth/strategies/verified-tokens';
import type { AppConfig } from 'src/config/configuration';

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
  constructor(
    config: ConfigService<AppConfig, true>,
    private readonly lookup: FirstPartyUserLookup,
  ) {
    const tokens = new VerifiedTokens(config.get('app.secretKey', { infer: true }));
    super({ tokenFromRequest: tokenFromHeader, check: (token: string) => tokens.check(token) });
  }

  async validate(
    request: Request & RequestWithPrincipal,
    token: VerifiedToken,
  ): Promise<Principal | false> {
    const found = await this.lookup.find(token, request.callerRead?.read);
    if (!found) return false;
    const principal: Principal = {
      user: found.user,
      scopes: ALL_SCOPES,
      kind: 'first-party',
      token: token.token,
    };
    return withCallerRead(request, principal, found.read);
  }
}
