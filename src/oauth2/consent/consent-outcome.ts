import type { Response } from 'express';
import { STYLE_CSP_SOURCE } from 'src/oauth2/consent/views/html';

/** What the consent page answers: an HTML page or a redirect, maybe with a new session cookie. */
export type ConsentOutcome =
  | {
      kind: 'page';
      status: number;
      html: string;
      cookie?: string;
      headers?: Readonly<Record<string, string>>;
    }
  | { kind: 'redirect'; status: 302 | 303; location: string; cookie?: string };

export function page(
  status: number,
  html: string,
  cookie?: string,
  headers?: Readonly<Record<string, string>>,
): ConsentOutcome {
  return {
    kind: 'page',
    status,
    html,
    ...(cookie === undefined ? {} : { cookie }),
    ...(headers === undefined ? {} : { headers }),
  };
}

export function redirect(status: 302 | 303, location: string, cookie?: string): ConsentOutcome {
  return cookie === undefined
    ? { kind: 'redirect', status, location }
    : { kind: 'redirect', status, location, cookie };
}

/**
 * No framing (clickjacking: `frame-ancestors 'none'` + X-Frame-Options), no script at all, no
 * caching, no referrer. No `form-action`: browsers apply it to the redirect that follows
 * "Authorize", which goes to the client's registered URI.
 */
const SECURITY_HEADERS = {
  'Content-Security-Policy': `default-src 'none'; style-src ${STYLE_CSP_SOURCE}; img-src 'self'; base-uri 'none'; frame-ancestors 'none'`,
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
  Pragma: 'no-cache',
  'Referrer-Policy': 'no-referrer',
} as const;

export function sendConsentOutcome(response: Response, outcome: ConsentOutcome): void {
  response.set(SECURITY_HEADERS);
  if (outcome.cookie !== undefined) response.append('Set-Cookie', outcome.cookie);
  if (outcome.kind === 'redirect') {
    response.redirect(outcome.status, outcome.location);
    return;
  }
  if (outcome.headers !== undefined) response.set(outcome.headers);
  response.status(outcome.status).type('text/html; charset=utf-8').send(outcome.html);
}
