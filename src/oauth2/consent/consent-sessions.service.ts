import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from 'src/config/configuration';
import { BrowserLoginService } from 'src/oauth2/consent/browser-login.service';
import {
  CONSENT_COOKIE,
  type ConsentSession,
  ConsentSessionCodec,
  newConsentSession,
  readCookie,
} from 'src/oauth2/consent/consent-session';
import { UsedFormTokensService } from 'src/oauth2/consent/used-form-tokens.service';
import type { User } from 'src/users/user.entity';

/** The consent page's sessions: the signed cookie, its user and its single-use form tokens. */
@Injectable()
export class ConsentSessions {
  private readonly codec: ConsentSessionCodec;

  constructor(
    config: ConfigService<AppConfig, true>,
    private readonly login: BrowserLoginService,
    private readonly usedTokens: UsedFormTokensService,
  ) {
    this.codec = new ConsentSessionCodec(config.get('app.secretKey', { infer: true }));
  }

  read(cookieHeader: string | undefined): ConsentSession | null {
    return this.codec.decode(readCookie(cookieHeader, CONSENT_COOKIE));
  }

  anonymous(): ConsentSession {
    return newConsentSession(null);
  }

  signedIn(user: User): ConsentSession {
    return newConsentSession(user.id, this.codec.passwordStamp(user.password));
  }

  cookie(session: ConsentSession, isSecure: boolean): string {
    return this.codec.cookie(session, isSecure);
  }

  formToken(session: ConsentSession): string {
    return this.codec.issueFormToken(session);
  }

  /**
   * The session's user while the account is active and its password unchanged since the
   * sign-in: a password change ends every way to new grants (RFC 6819 §5.2.2.3).
   */
  async userOf(session: ConsentSession): Promise<User | null> {
    const user = await this.login.getActiveUser(session.userId);
    if (!user || session.passwordStamp !== this.codec.passwordStamp(user.password)) return null;
    return user;
  }

  /**
   * True once per form token issued for this session (synchronizer token, single use): a sent
   * form cannot be replayed, e.g. to obtain a second authorization code.
   */
  async consumeFormToken(session: ConsentSession, given: unknown): Promise<boolean> {
    const token = this.codec.readFormToken(session, given);
    return token !== null && (await this.usedTokens.consume(token.nonce, token.expiresAt));
  }
}
