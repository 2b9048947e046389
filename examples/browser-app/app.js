// A single-page app that signs in with Pacekeeper as an OAuth2 public client: Authorization
// Code with PKCE S256 (RFC 6749 §4.1, RFC 7636), no client secret, tokens kept in this tab's
// sessionStorage, API calls with fetch from this page's own origin (Pacekeeper answers with CORS
// headers because this origin is the origin of the client's redirect URI).
'use strict';

const KEYS = { pending: 'pacekeeper.pending', tokens: 'pacekeeper.tokens' };
const $ = (id) => document.getElementById(id);

/** This very page is the redirect URI, without query or fragment. */
const redirectUri = () => `${location.origin}${location.pathname}`;

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

const randomString = () => base64url(crypto.getRandomValues(new Uint8Array(32)));

async function s256(verifier) {
  return base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
}

function readJson(key) {
  const value = sessionStorage.getItem(key);
  return value === null ? null : JSON.parse(value);
}

function show(status, message = '') {
  $('status').textContent = status;
  $('message').textContent = message;
}

/** The token and revocation endpoints take form fields, not JSON. */
async function postForm(config, path, fields) {
  const response = await fetch(`${config.pacekeeperUrl}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: config.clientId, ...fields }),
  });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error_description ?? body.error ?? response.statusText);
  return body;
}

async function signIn(config) {
  const pending = { state: randomString(), verifier: randomString() };
  sessionStorage.setItem(KEYS.pending, JSON.stringify(pending));
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: redirectUri(),
    scope: config.scope,
    state: pending.state,
    code_challenge: await s256(pending.verifier),
    code_challenge_method: 'S256',
  });
  location.assign(`${config.pacekeeperUrl}/profile/apps/authorize?${query.toString()}`);
}

/** Back from the consent page: check `state`, then trade the code and the verifier for tokens. */
async function finishSignIn(config, params) {
  const pending = readJson(KEYS.pending);
  sessionStorage.removeItem(KEYS.pending);
  history.replaceState(null, '', redirectUri());
  if (pending === null || params.get('state') !== pending.state)
    throw new Error('The answer does not match the sign-in this page started.');
  if (params.has('error')) throw new Error('Sign-in was cancelled or refused.');
  const tokens = await postForm(config, '/api/oauth/token', {
    grant_type: 'authorization_code',
    code: params.get('code') ?? '',
    redirect_uri: redirectUri(),
    code_verifier: pending.verifier,
  });
  sessionStorage.setItem(KEYS.tokens, JSON.stringify(tokens));
}

async function listWorkouts(config, tokens) {
  const response = await fetch(`${config.pacekeeperUrl}/api/workouts?per_page=5`, {
    headers: { Authorization: `Bearer ${tokens.access_token}` },
  });
  if (response.status === 401) {
    sessionStorage.removeItem(KEYS.tokens);
    throw new Error('Pacekeeper no longer accepts the token: sign in again.');
  }
  const body = await response.json();
  const rows = body.data.workouts.map((workout) => {
    const row = document.createElement('tr');
    for (const text of [workout.title, workout.workout_date, String(workout.distance)]) {
      const cell = document.createElement('td');
      cell.textContent = text;
      row.append(cell);
    }
    return row;
  });
  $('workouts')
    .querySelector('tbody')
    .replaceChildren(...rows);
}

function render(tokens) {
  const isSignedIn = tokens !== null;
  $('login').hidden = isSignedIn;
  $('refresh').hidden = !isSignedIn;
  $('logout').hidden = !isSignedIn;
  $('workouts').hidden = !isSignedIn;
}

async function main() {
  const config = await (await fetch('config.json')).json();
  $('login').addEventListener('click', () => void signIn(config));
  $('refresh').addEventListener('click', () =>
    run(config, async () => {
      const old = readJson(KEYS.tokens);
      const tokens = await postForm(config, '/api/oauth/token', {
        grant_type: 'refresh_token',
        refresh_token: old.refresh_token,
      });
      sessionStorage.setItem(KEYS.tokens, JSON.stringify(tokens));
      return 'Tokens refreshed.';
    }),
  );
  $('logout').addEventListener('click', () =>
    run(config, async () => {
      const tokens = readJson(KEYS.tokens);
      sessionStorage.removeItem(KEYS.tokens);
      await postForm(config, '/api/oauth/revoke', { token: tokens.refresh_token });
      return 'Signed out: Pacekeeper revoked the tokens.';
    }),
  );
  const params = new URLSearchParams(location.search);
  await run(config, async () => {
    if (params.has('code') || params.has('error')) await finishSignIn(config, params);
    return '';
  });
}

/** Runs one step, then shows the signed-in state (with the workouts) or the signed-out one. */
async function run(config, step) {
  let message = '';
  try {
    message = await step();
    const tokens = readJson(KEYS.tokens);
    if (tokens !== null) await listWorkouts(config, tokens);
  } catch (error) {
    message = error instanceof Error ? error.message : String(error);
  }
  const tokens = readJson(KEYS.tokens);
  render(tokens);
  show(tokens === null ? 'Not signed in.' : `Signed in (scope: ${tokens.scope ?? ''}).`, message);
}

void main();
