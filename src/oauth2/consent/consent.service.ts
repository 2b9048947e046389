import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from 'src/config/configuration';
import {
  type AuthorizationParams,
  AuthorizationRequestError,
  readAuthorizationParams,
  toQueryString,
} from 'src/oauth2/authorization/authorization-request';
import {
  OAuth2AuthorizeService,
  type ValidatedAuthorization,
} from 'src/oauth2/authorization/oauth2-authorize.service';
import { allowedScopes } from 'src/oauth2/clients/client-scope';
import { withQuery } from 'src/oauth2/clients/redirect-uri';
import { BrowserLoginService } from 'src/oauth2/consent/browser-login.service';
import { type ConsentOutcome, page, redirect } from 'src/oauth2/consent/consent-outcome';
import {
  CONSENT_COOKIE,
  type ConsentSession,
  ConsentSessionCodec,
  isSameCsrf,
  newConsentSession,
  readCookie,
} from 'src/oauth2/consent/consent-session';
import { renderConsentPage } from 'src/oauth2/consent/views/consent.view';
import { renderErrorPage } from 'src/oauth2/consent/views/error.view';
import { renderLoginPage } from 'src/oauth2/consent/views/login.view';
import type { User } from 'src/users/user.entity';

export interface ConsentRequest {
  query: Readonly<Record<string, unknown>>;
  body: Readonly<Record<string, unknown>>;
  cookieHeader: string | undefined;
  isSecure: boolean;
}

type Checked = { authorization: ValidatedAuthorization; action: string } | ConsentOutcome;

/** The server-rendered consent page of `/profile/apps/authorize` (spec oauth2.md §4 step 1). */
@Injectable()
export class ConsentService {
  private readonly codec: ConsentSessionCodec;

  constructor(
    private readonly authorize: OAuth2AuthorizeService,
    private readonly login: BrowserLoginService,
    config: ConfigService<AppConfig, true>,
  ) {
    this.codec = new ConsentSessionCodec(config.get('app.secretKey', { infer: true }));
  }

  async show(request: ConsentRequest): Promise<ConsentOutcome> {
    const checked = await this.check(readAuthorizationParams(request.query));
    if ('kind' in checked) return checked;
    const existing = this.codec.decode(readCookie(request.cookieHeader, CONSENT_COOKIE));
    const session = existing ?? newConsentSession(null);
    const cookie = existing ? undefined : this.codec.cookie(session, request.isSecure);
    const user = await this.login.getActiveUser(session.userId);
    return page(200, this.render(checked, session, user), cookie);
  }

  async submit(request: ConsentRequest): Promise<ConsentOutcome> {
    const checked = await this.check(readAuthorizationParams(request.query));
    if ('kind' in checked) return checked;
    const session = this.codec.decode(readCookie(request.cookieHeader, CONSENT_COOKIE));
    if (!session || !isSameCsrf(session, request.body['csrf_token']))
      return page(
        403,
        renderErrorPage(
          'Session expired',
          'Your session expired or the form was already sent. Go back to the application and sign in again.',
        ),
      );
    const { authorization, action } = checked;
    switch (request.body['action']) {
      case 'login':
        return this.signIn(request, checked);
      case 'cancel':
        return redirect(302, this.authorize.errorRedirect(authorization, 'access_denied'));
      case 'authorize': {
        const user = await this.login.getActiveUser(session.userId);
        if (!user) return page(401, this.render(checked, session, null));
        return redirect(302, await this.authorize.issueCode(user, authorization));
      }
      default:
        return redirect(303, action);
    }
  }

  /** A fresh session (and CSRF token) after sign-in, then back to the consent screen (PRG). */
  private async signIn(
    request: ConsentRequest,
    checked: Exclude<Checked, ConsentOutcome>,
  ): Promise<ConsentOutcome> {
    const { email, password } = request.body;
    const user = await this.login.login(email, password);
    if (!user) {
      const session = newConsentSession(null);
      return page(
        401,
        renderLoginPage({
          action: checked.action,
          csrf: session.csrf,
          clientName: checked.authorization.client.name,
          email: typeof email === 'string' ? email : '',
          error: 'Invalid email or password.',
        }),
        this.codec.cookie(session, request.isSecure),
      );
    }
    return redirect(
      303,
      checked.action,
      this.codec.cookie(newConsentSession(user.id), request.isSecure),
    );
  }

  private render(
    checked: Exclude<Checked, ConsentOutcome>,
    session: ConsentSession,
    user: User | null,
  ): string {
    const { authorization, action } = checked;
    const { client, params } = authorization;
    if (!user) return renderLoginPage({ action, csrf: session.csrf, clientName: client.name });
    return renderConsentPage({
      action,
      csrf: session.csrf,
      username: user.username,
      clientName: client.name,
      clientWebsite: client.website,
      clientDescription: client.description,
      scopes: allowedScopes((params.scope ?? '').split(/\s+/), client.scope),
    });
  }

  /** Untrusted client or redirect URI → error page; other refusals go back to the client. */
  private async check(params: AuthorizationParams): Promise<Checked> {
    try {
      const authorization = await this.authorize.validate(params);
      return { authorization, action: `/profile/apps/authorize?${toQueryString(params)}` };
    } catch (error) {
      if (!(error instanceof AuthorizationRequestError)) throw error;
      if (error.redirectUri === undefined)
        return page(400, renderErrorPage('Invalid authorization request', error.description));
      const location = withQuery(error.redirectUri, {
        error: error.error,
        error_description: error.description,
        state: error.state,
      });
      return redirect(302, location);
    }
  }
}
