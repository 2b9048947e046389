#!/usr/bin/env node
// Signs in to Pacekeeper with the OAuth2 device authorization grant (RFC 8628) and lists the
// user's latest workouts. Node 20+, no dependencies: see README.md next to this file.

const GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:device_code';

const baseUrl = (process.env.PACEKEEPER_URL ?? 'http://localhost:5000').replace(/\/+$/, '');
const clientId = process.env.CLIENT_ID;
const clientSecret = process.env.CLIENT_SECRET;
const scope = process.env.SCOPE ?? 'workouts:read';

if (!clientId) {
  console.error('Set CLIENT_ID (and CLIENT_SECRET for a confidential client).');
  process.exit(2);
}

/** A form POST to the OAuth2 endpoints; the client authenticates in the body (RFC 6749 §2.3.1). */
async function postForm(path, fields) {
  const body = new URLSearchParams({ client_id: clientId, ...fields });
  if (clientSecret) body.set('client_secret', clientSecret);
  const response = await fetch(`${baseUrl}${path}`, { method: 'POST', body });
  return { status: response.status, body: await response.json() };
}

const sleep = (seconds) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));

function fail(message) {
  console.error(message);
  process.exit(1);
}

/** RFC 8628 §3.1–3.2: ask for a device code and a user code. */
async function startAuthorization() {
  const { status, body } = await postForm('/api/oauth/device_authorization', { scope });
  if (status !== 200)
    fail(`Device authorization refused: ${body.error} ${body.error_description ?? ''}`);
  return body;
}

/** RFC 8628 §3.4–3.5: poll the token endpoint until the user approved or denied. */
async function waitForTokens(authorization) {
  let interval = authorization.interval ?? 5;
  const deadline = Date.now() + authorization.expires_in * 1000;
  while (Date.now() < deadline) {
    await sleep(interval);
    const { status, body } = await postForm('/api/oauth/token', {
      grant_type: GRANT_TYPE,
      device_code: authorization.device_code,
    });
    if (status === 200) return body;
    if (body.error === 'authorization_pending') continue;
    if (body.error === 'slow_down') {
      interval += 5;
      continue;
    }
    if (body.error === 'access_denied') fail('Access was denied on the verification page.');
    if (body.error === 'expired_token') fail('The code expired: run the command again.');
    fail(`Token request refused: ${body.error} ${body.error_description ?? ''}`);
  }
  return fail('The code expired: run the command again.');
}

async function listWorkouts(accessToken) {
  const response = await fetch(`${baseUrl}/api/workouts?per_page=5`, {
    headers: { Authorization: `Bearer ${accessToken}` },
  });
  const body = await response.json();
  if (response.status !== 200) fail(`GET /api/workouts answered ${response.status}`);
  return body.data.workouts;
}

const authorization = await startAuthorization();
console.log(
  `To sign in, open ${authorization.verification_uri} and enter the code ${authorization.user_code}`,
);
console.log(`(or open ${authorization.verification_uri_complete})`);
console.log('Waiting for approval...');
const tokens = await waitForTokens(authorization);
console.log(`Signed in (scope: ${tokens.scope ?? 'none'}). Latest workouts:`);
const workouts = await listWorkouts(tokens.access_token);
if (workouts.length === 0) console.log('(no workouts yet)');
for (const workout of workouts)
  console.log(
    [workout.workout_date, workout.title ?? '', `${workout.distance} km`, workout.duration].join(
      '\t',
    ),
  );
