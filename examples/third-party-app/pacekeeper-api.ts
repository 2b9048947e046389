import { PROTECTED_API_CALL } from './protected-call';

export interface ExampleSettings {
  /** Pacekeeper's base URL, e.g. `https://tracker.example.org`. */
  pacekeeperUrl: string;
  clientId: string;
  clientSecret: string;
  /** This app's callback, registered as a redirect URI of the client. */
  callbackUrl: string;
  sessionSecret: string;
}

export interface Tokens {
  accessToken: string;
  refreshToken: string;
  scope: string;
}

export interface CallResult {
  status: number;
  text: string;
}

async function postForm(url: string, fields: Record<string, string>): Promise<CallResult> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: response.status, text: await response.text() };
}

/** The protected API call, with the access token as a Bearer token (RFC 6750). */
export async function callProtectedApi(
  settings: ExampleSettings,
  tokens: Tokens,
): Promise<CallResult> {
  const { body } = PROTECTED_API_CALL;
  const hasBody = body !== undefined;
  const response = await fetch(`${settings.pacekeeperUrl}${PROTECTED_API_CALL.path}`, {
    method: PROTECTED_API_CALL.method,
    headers: {
      Authorization: `Bearer ${tokens.accessToken}`,
      ...(hasBody ? { 'Content-Type': 'application/json' } : {}),
    },
    ...(hasBody ? { body: JSON.stringify(body) } : {}),
  });
  return { status: response.status, text: await response.text() };
}

/** refresh_token grant with client_secret_post: the pair is rotated. */
export async function refreshTokens(
  settings: ExampleSettings,
  tokens: Tokens,
): Promise<Tokens | CallResult> {
  const result = await postForm(`${settings.pacekeeperUrl}/api/oauth/token`, {
    grant_type: 'refresh_token',
    refresh_token: tokens.refreshToken,
    client_id: settings.clientId,
    client_secret: settings.clientSecret,
  });
  if (result.status !== 200) return result;
  const body = JSON.parse(result.text) as {
    access_token: string;
    refresh_token: string;
    scope?: string;
  };
  return {
    accessToken: body.access_token,
    refreshToken: body.refresh_token,
    scope: body.scope ?? '',
  };
}

/** RFC 7009 revocation of the access token (Pacekeeper revokes the whole pair). */
export function revokeTokens(settings: ExampleSettings, tokens: Tokens): Promise<CallResult> {
  return postForm(`${settings.pacekeeperUrl}/api/oauth/revoke`, {
    token: tokens.accessToken,
    token_type_hint: 'access_token',
    client_id: settings.clientId,
    client_secret: settings.clientSecret,
  });
}
