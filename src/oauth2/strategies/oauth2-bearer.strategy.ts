import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy } from 'passport-http-bearer';
import { OAUTH2_STRATEGY } from 'src/auth/guards/strategy-names';
import { type Principal, type RequestWithPrincipal, scopedPrincipal } from 'src/auth/principal';
import { OAuth2AccessTokenLookup } from 'src/oauth2/strategies/oauth2-access-token-lookup';

/**
 * Third-party path of docs/oauth2.md#resource-protection step 4: the token after `Bearer` must be a
 * known, unexpired, unrevoked access token. Scopes are checked afterwards by the ScopesGuard.
 */
@Injectable()
export class OAuth2BearerStrategy extends PassportStrategy(Strategy, OAUTH2_STRATEGY) {
  constructor(private readonly tokens: OAuth2AccessTokenLookup) {
    super({ passReqToCallback: true });
  }

  async validate(request: Request & RequestWithPrincipal, token: string): Promise<Principal> {
    const found = await this.tokens.find(token, request.callerRead?.read);
    return scopedPrincipal(request, 'oauth2', token, found);
  }
}
