import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy } from 'passport-http-bearer';
import { PERSONAL_ACCESS_TOKEN_STRATEGY } from 'src/auth/guards/strategy-names';
import { PersonalAccessTokenLookup } from 'src/auth/personal-tokens/personal-access-token-lookup';
import { type Principal, type RequestWithPrincipal, scopedPrincipal } from 'src/auth/principal';

/**
 * A `Bearer pk_pat_…` token (docs/oauth2.md#personal-access-tokens): refused exactly as an unknown,
 * expired or revoked OAuth2 access token (docs/oauth2.md#resource-protection step 4); its
 * scopes are checked afterwards by the ScopesGuard.
 */
@Injectable()
export class PersonalAccessTokenStrategy extends PassportStrategy(
  Strategy,
  PERSONAL_ACCESS_TOKEN_STRATEGY,
) {
  constructor(private readonly tokens: PersonalAccessTokenLookup) {
    super({ passReqToCallback: true });
  }

  async validate(request: Request & RequestWithPrincipal, token: string): Promise<Principal> {
    const found = await this.tokens.find(token, request.callerRead?.read);
    return scopedPrincipal(request, 'personal-access-token', token, found);
  }
}
