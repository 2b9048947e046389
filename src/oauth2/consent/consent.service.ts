import { Injectable } from '@nestjs/common';
import { RateLimitError } from 'src/common/errors/http-errors';
import {
  AuthorizationRequestError,
  readAuthorizationParams,
  toQueryString,
} from 'src/oauth2/authorization/authorization-request';
import {
  OAuth2AuthorizeService,
  type ValidatedAuthorization,
} from 'src/oauth2/authorization/oauth2-authorize.service';
import { allowedScopes } from 'src/oauth2/clients/client-scope';
import { OAuth2GrantsService } from 'src/oauth2/connected-apps/oauth2-grants.service';
import { isConsentRemembered } from 'src/oauth2/connected-apps/remembered-consent';
import { BrowserLoginService } from 'src/oauth2/consent/browser-login.service';
import { type ConsentOutcome, page, redirect } from 'src/oauth2/consent/consent-outcome';
import type { ConsentSession } from 'src/oauth2/consent/consent-session';
import { ConsentSessions } from 'src/oauth2/consent/consent-sessions.service';
import { tooManySignIns } from 'src/oauth2/consent/retry-wait';
import { renderConsentPage } from 'src/oauth2/consent/views/consent.view';
import { renderErrorPage } from 'src/oauth2/consent/views/error.view';
import { type LoginView, renderLoginPage } from 'src/oauth2/consent/views/login.view';
import type { User } from 'src/users/user.entity';

export interface ConsentRequest {
  query: Readonly<Record<string, unknown>>;
  body: Readonly<Record<string, unknown>>;
  cookieHeader: string | undefined;
  isSecure: boolean;
  /** The client address (Express `req.ip`), for the sign-in limits. */
  ip: string | undefined;
}

type Checked = { authorization: ValidatedAuthorization; action: string };

const EXPIRED =
  'Your session expired or the form was already sent. Go back to the application and sign in again.';

/**
 * The server-rendered consent page of `/profile/apps/authorize`
 * (docs/oauth2.md#authorization-code-flow).
 */
@Injectable()
export class ConsentService {
  constructor(
    private readonly authorize: OAuth2AuthorizeService,
    private readonly login: BrowserLoginService,
    private readonly sessions: ConsentSessions,
    private readonly grants: OAuth2GrantsService,
  ) {}

  async show(request: ConsentRequest): Promise<ConsentOutcome> {
    const checked = await this.check(request.query);
    if ('kind' in checked) return checked;
    const existing = this.sessions.read(request.cookieHeader);
    const session = existing ?? this.sessions.anonymous();
    const cookie = existing ? undefined : this.sessions.cookie(session, request.isSecure);
    const user = await this.sessions.userOf(session);
    if (user && (await this.isRemembered(user, checked.authorization)))
      return redirect(302, await this.authorize.issueCode(user, checked.authorization));
    return page(200, this.render(checked, session, user), cookie);
  }

  /** docs/oauth2.md#remembered-consent */
  private async isRemembered(user: User, authorization: ValidatedAuthorization): Promise<boolean> {
    const grant = await this.grants.find(user.id, authorization.client.id);
    return isConsentRemembered(grant, authorization);
  }

  /** Every form is accepted once (its token is consumed) and only with its session cookie. */
  async submit(request: ConsentRequest): Promise<ConsentOutcome> {
    const checked = await this.check(request.query);
    if ('kind' in checked) return checked;
    const session = this.sessions.read(request.cookieHeader);
    if (!session || !(await this.sessions.consumeFormToken(session, request.body['csrf_token'])))
      return page(403, renderErrorPage('Session expired', EXPIRED));
    const action = request.body['action'];
    if (action === 'login') return this.signIn(request, checked, session);
    if (action !== 'authorize' && action !== 'cancel') return redirect(303, checked.action);
    // Redirect only once the user signed in and chose (RFC 9700 §4.11.2).
    const user = await this.sessions.userOf(session);
    if (!user) return page(401, this.render(checked, session, null));
    const { authorization } = checked;
    if (action === 'cancel')
      return redirect(302, this.authorize.errorRedirect(authorization, 'access_denied'));
    return redirect(302, await this.authorize.issueCode(user, authorization));
  }

  /** A fresh session after sign-in, then back to the consent screen (PRG). */
  private async signIn(
    request: ConsentRequest,
    checked: Checked,
    session: ConsentSession,
  ): Promise<ConsentOutcome> {
    const { email, password } = request.body;
    const typed = typeof email === 'string' ? email : '';
    let user: User | null;
    try {
      user = await this.login.login(email, password, request.ip);
    } catch (error) {
      if (!(error instanceof RateLimitError)) throw error;
      const message = tooManySignIns(error.retryAfterSeconds);
      return page(429, this.loginPage(checked, session, typed, message), undefined, error.headers);
    }
    if (!user) {
      const fresh = this.sessions.anonymous();
      return page(
        401,
        this.loginPage(checked, fresh, typed, 'Invalid email or password.'),
        this.sessions.cookie(fresh, request.isSecure),
      );
    }
    return redirect(
      303,
      checked.action,
      this.sessions.cookie(this.sessions.signedIn(user), request.isSecure),
    );
  }

  private loginPage(
    checked: Checked,
    session: ConsentSession,
    email?: string,
    error?: string,
  ): string {
    const view: LoginView = {
      action: checked.action,
      csrf: this.sessions.formToken(session),
      clientName: checked.authorization.client.name,
    };
    if (email !== undefined) view.email = email;
    if (error !== undefined) view.error = error;
    return renderLoginPage(view);
  }

  private render(checked: Checked, session: ConsentSession, user: User | null): string {
    if (!user) return this.loginPage(checked, session);
    const { action, authorization } = checked;
    const { client, params, redirectUri } = authorization;
    return renderConsentPage({
      action,
      csrf: this.sessions.formToken(session),
      username: user.username,
      clientName: client.name,
      clientWebsite: client.website,
      clientDescription: client.description,
      redirectUri,
      scopes: allowedScopes((params.scope ?? '').split(/\s+/), client.scope),
    });
  }

  /**
   * Every refusal is shown here, never sent to the redirect URI: any user can register a
   * client with any redirect URI (RFC 9700 §4.11.2; RFC 6749 §4.1.2.1 for an unverified
   * client or redirect URI).
   */
  private async check(query: Readonly<Record<string, unknown>>): Promise<Checked | ConsentOutcome> {
    const params = readAuthorizationParams(query);
    try {
      const authorization = await this.authorize.validate(params);
      return { authorization, action: `/profile/apps/authorize?${toQueryString(params)}` };
    } catch (error) {
      if (!(error instanceof AuthorizationRequestError)) throw error;
      return page(400, renderErrorPage('Invalid authorization request', error.description));
    }
  }
}
