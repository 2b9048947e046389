import { Injectable } from '@nestjs/common';
import { RateLimitError } from 'src/common/errors/http-errors';
import { deviceCodeAccount } from 'src/common/rate-limit/credential-accounts';
import { CredentialAttemptsService } from 'src/common/rate-limit/credential-attempts.service';
import { allowedScopes } from 'src/oauth2/clients/client-scope';
import type { OAuth2Client } from 'src/oauth2/clients/oauth2-client.entity';
import { OAuth2ClientsService } from 'src/oauth2/clients/oauth2-clients.service';
import { BrowserLoginService } from 'src/oauth2/consent/browser-login.service';
import type { ConsentRequest } from 'src/oauth2/consent/consent.service';
import { type ConsentOutcome, page, redirect } from 'src/oauth2/consent/consent-outcome';
import type { ConsentSession } from 'src/oauth2/consent/consent-session';
import { ConsentSessions } from 'src/oauth2/consent/consent-sessions.service';
import { minutesText, tooManySignIns } from 'src/oauth2/consent/retry-wait';
import { renderConsentPage } from 'src/oauth2/consent/views/consent.view';
import { renderErrorPage } from 'src/oauth2/consent/views/error.view';
import { type LoginView, renderLoginPage } from 'src/oauth2/consent/views/login.view';
import type { OAuth2DeviceCode } from 'src/oauth2/device/oauth2-device-code.entity';
import { OAuth2DeviceCodesService } from 'src/oauth2/device/oauth2-device-codes.service';
import { formatUserCode, normalizeUserCode } from 'src/oauth2/device/user-code';
import {
  type DeviceCodeView,
  renderDeviceCodePage,
  renderDeviceDonePage,
} from 'src/oauth2/device/verification/views/device-code.view';
import type { User } from 'src/users/user.entity';

/** The verification page, under the consent page's cookie path so both share one sign-in. */
export const DEVICE_PAGE = '/profile/apps/device';

const EXPIRED =
  'Your session expired or the form was already sent. Open the page again and sign in.';
const UNKNOWN_CODE =
  'This code is not valid: check it against your device, or start again there if it expired.';

/** A request found by its user code, with the client that made it. */
type Found = { code: OAuth2DeviceCode; client: OAuth2Client; userCode: string };

/**
 * The verification page of the device flow (RFC 8628 §3.3, docs/oauth2.md#device-flow): sign in
 * as on the consent page, type the user code (failures limited like passwords), then the same
 * consent screen, every form single use.
 */
@Injectable()
export class DeviceVerificationService {
  constructor(
    private readonly login: BrowserLoginService,
    private readonly sessions: ConsentSessions,
    private readonly attempts: CredentialAttemptsService,
    private readonly codes: OAuth2DeviceCodesService,
    private readonly clients: OAuth2ClientsService,
  ) {}

  async show(request: ConsentRequest): Promise<ConsentOutcome> {
    const existing = this.sessions.read(request.cookieHeader);
    const session = existing ?? this.sessions.anonymous();
    const cookie = existing ? undefined : this.sessions.cookie(session, request.isSecure);
    const user = await this.sessions.userOf(session);
    const typed = textOf(request.query['user_code']);
    if (!user) return page(200, this.loginPage(session, typed), cookie);
    return page(200, this.codePage(session, user, typed), cookie);
  }

  async submit(request: ConsentRequest): Promise<ConsentOutcome> {
    const session = this.sessions.read(request.cookieHeader);
    if (!session || !(await this.sessions.consumeFormToken(session, request.body['csrf_token'])))
      return page(403, renderErrorPage('Session expired', EXPIRED));
    const action = request.body['action'];
    const typed = textOf(request.body['user_code']) || textOf(request.query['user_code']);
    if (action === 'login') return this.signIn(request, typed);
    const user = await this.sessions.userOf(session);
    if (!user) return page(401, this.loginPage(session, typed));
    if (action !== 'code' && action !== 'authorize' && action !== 'cancel')
      return redirect(303, DEVICE_PAGE);
    let found: Found | null;
    try {
      found = await this.find(user, typed, request.ip);
    } catch (error) {
      if (!(error instanceof RateLimitError)) throw error;
      const message = `Too many wrong codes. Please try again in ${minutesText(error.retryAfterSeconds)}.`;
      return page(429, this.codePage(session, user, typed, message), undefined, error.headers);
    }
    if (!found) return page(400, this.codePage(session, user, typed, UNKNOWN_CODE));
    if (action === 'code') return page(200, this.consentPage(session, user, found));
    const isApproved = action === 'authorize';
    const isDecided = await this.codes.decide(
      found.code.id,
      isApproved ? { userId: user.id } : 'denied',
    );
    if (!isDecided) return page(400, this.codePage(session, user, typed, UNKNOWN_CODE));
    return page(200, renderDeviceDonePage(isApproved, found.client.name));
  }

  /**
   * The pending request a typed code names. Every miss counts as a failed password would, per
   * address and per user, so codes cannot be guessed (RFC 8628 §5.1); over the limit the page
   * refuses any code for a while.
   */
  private find(user: User, typed: string, ip: string | undefined): Promise<Found | null> {
    return this.attempts.guardPasswordCheck(
      { account: deviceCodeAccount(user.id), ip },
      async () => {
        const normalized = normalizeUserCode(typed);
        const code =
          normalized === null ? null : await this.codes.findPendingByUserCode(normalized);
        const client = code === null ? null : await this.clients.findById(code.clientId);
        if (code === null || client === null || normalized === null) return null;
        return { code, client, userCode: formatUserCode(normalized) };
      },
    );
  }

  /** A fresh session after sign-in, then back to the code form (PRG). */
  private async signIn(request: ConsentRequest, typed: string): Promise<ConsentOutcome> {
    const { email, password } = request.body;
    const typedEmail = typeof email === 'string' ? email : '';
    let user: User | null;
    try {
      user = await this.login.login(email, password, request.ip);
    } catch (error) {
      if (!(error instanceof RateLimitError)) throw error;
      const message = tooManySignIns(error.retryAfterSeconds);
      const fresh = this.sessions.anonymous();
      return page(
        429,
        this.loginPage(fresh, typed, typedEmail, message),
        this.sessions.cookie(fresh, request.isSecure),
        error.headers,
      );
    }
    if (!user) {
      const fresh = this.sessions.anonymous();
      return page(
        401,
        this.loginPage(fresh, typed, typedEmail, 'Invalid email or password.'),
        this.sessions.cookie(fresh, request.isSecure),
      );
    }
    return redirect(
      303,
      pageUrl(typed),
      this.sessions.cookie(this.sessions.signedIn(user), request.isSecure),
    );
  }

  private loginPage(
    session: ConsentSession,
    typed: string,
    email?: string,
    error?: string,
  ): string {
    const view: LoginView = { action: pageUrl(typed), csrf: this.sessions.formToken(session) };
    if (email !== undefined) view.email = email;
    if (error !== undefined) view.error = error;
    return renderLoginPage(view);
  }

  private codePage(session: ConsentSession, user: User, typed: string, error?: string): string {
    const view: DeviceCodeView = {
      action: DEVICE_PAGE,
      csrf: this.sessions.formToken(session),
      username: user.username,
      userCode: typed,
    };
    if (error !== undefined) view.error = error;
    return renderDeviceCodePage(view);
  }

  private consentPage(session: ConsentSession, user: User, found: Found): string {
    const { client, code, userCode } = found;
    return renderConsentPage({
      action: DEVICE_PAGE,
      csrf: this.sessions.formToken(session),
      username: user.username,
      clientName: client.name,
      clientWebsite: client.website,
      clientDescription: client.description,
      redirectUri: null,
      userCode,
      scopes: allowedScopes((code.scope ?? '').split(/\s+/), client.scope),
    });
  }
}

function textOf(value: unknown): string {
  return typeof value === 'string' ? value.slice(0, 32) : '';
}

/** The page, keeping the code of `verification_uri_complete` through the sign-in. */
function pageUrl(typed: string): string {
  return typed === ''
    ? DEVICE_PAGE
    : `${DEVICE_PAGE}?${new URLSearchParams({ user_code: typed }).toString()}`;
}
