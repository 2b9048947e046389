import { createHash } from 'node:crypto';

import type { OpenAPIObject } from '@nestjs/swagger';
import type {
  Browser,
  Page,
  Request as BrowserRequest,
  Response as BrowserResponse,
} from 'playwright-core';
import { ALL_SCOPES } from 'src/auth/scopes';
import request from 'supertest';
import { login } from 'test/helpers/auth-api';
import { describeWithChromium, launchChromium } from 'test/helpers/chromium';
import { createUser, DEFAULT_PASSWORD } from 'test/helpers/factories';
import { freePort } from 'test/helpers/local-ports';
import { createOAuth2Client, type TestClient } from 'test/helpers/oauth2-flow';
import { createTestApp, type TestApp } from 'test/setup/test-app';

const REDIRECT_PATH = '/api/docs/oauth2-redirect.html';
const SCOPES = ['profile:read', 'workouts:read'];

/** Expands an operation, presses "Try it out" then "Execute"; answers the status and body shown. */
async function tryItOut(page: Page, operation: string): Promise<{ status: string; body: string }> {
  const block = page.locator(`#operations-${operation}`);
  await block.locator('.opblock-summary-control').click();
  await block.locator('button.try-out__btn').click();
  await block.locator('button.execute').click();
  const answer = block.locator('.live-responses-table tbody .response');
  await answer.waitFor();
  return {
    status: (await answer.locator('.response-col_status').textContent())?.trim() ?? '',
    body: (await answer.locator('.response-col_description pre').first().textContent()) ?? '',
  };
}

describe('Swagger UI at /api/docs', () => {
  jest.setTimeout(120000);
  let t: TestApp;
  let origin: string;
  let email: string;
  let client: TestClient;
  let clientsAtStart: number;

  beforeAll(async () => {
    const port = await freePort();
    origin = `http://127.0.0.1:${String(port)}`;
    t = await createTestApp({ UI_URL: origin });
    await t.app.listen(port, '127.0.0.1');
    const rows: { count: number }[] = await t.dataSource.query(
      'SELECT count(*)::int AS count FROM oauth2_clients',
    );
    clientsAtStart = rows[0]?.count ?? -1;
    // As the document's introduction says: sign in, then register a client for Swagger UI.
    ({ email } = await createUser(t.dataSource));
    client = await createOAuth2Client(t, await login(t.http, email, DEFAULT_PASSWORD), {
      client_name: 'Swagger UI',
      client_uri: `${origin}/api/docs`,
      redirect_uris: [`${origin}${REDIRECT_PATH}`],
      scope: SCOPES.join(' '),
    });
  });
  afterAll(() => t.close());

  it('starts with no OAuth2 client registered', () => {
    expect(clientsAtStart).toBe(0);
  });

  it('declares the authorization code flow on pages the server serves, and says how to use it', async () => {
    const document = (await request(t.http).get('/api/docs-json').expect(200))
      .body as OpenAPIObject;
    const schemes = document.components?.securitySchemes ?? {};
    expect(schemes['bearer']).toMatchObject({ type: 'http', scheme: 'bearer' });
    const oauth2 = schemes['oauth2'];
    const flow =
      oauth2 !== undefined && 'flows' in oauth2 ? oauth2.flows?.authorizationCode : undefined;
    expect(flow).toMatchObject({
      authorizationUrl: '/profile/apps/authorize',
      tokenUrl: '/api/oauth/token',
    });
    expect(Object.keys(flow?.scopes ?? {})).toEqual([...ALL_SCOPES]);
    // Both are relative to the document's server, `/`.
    const consent = await request(t.http)
      .get(flow?.authorizationUrl ?? '')
      .query({ client_id: client.client_id, response_type: 'code' });
    expect(consent.status).toBe(200);
    expect(consent.text).toContain('id="email"');
    const token = await request(t.http)
      .post(flow?.tokenUrl ?? '')
      .type('form')
      .send({});
    expect(token.body).toEqual({ error: 'unsupported_grant_type' });
    expect(document.info.description).toContain(`<UI_URL>${REDIRECT_PATH}`);
    expect(document.info.description).toContain('client_secret_post');
    const redirectPage = await request(t.http).get(REDIRECT_PATH);
    expect(redirectPage.status).toBe(200);
    expect(redirectPage.headers['content-type']).toMatch(/^text\/html/);
  });

  describeWithChromium('the Swagger UI browser test')('in Debian chromium', () => {
    let browser: Browser;

    beforeAll(async () => {
      browser = await launchChromium();
    });
    afterAll(() => browser.close());

    // The second run signs the same user in for the same client, redirect URI and scopes with
    // an S256 challenge: the consent is remembered and the screen skipped
    // (docs/oauth2.md#remembered-consent).
    it.each([
      ['/api/docs', 'the consent screen'],
      ['/api/docs/', 'the consent remembered'],
    ])(
      'authorizes with PKCE from %s (%s), then "Try it out" answers 200',
      async (path, consent) => {
        const context = await browser.newContext();
        const requests: BrowserRequest[] = [];
        context.on('request', (sent) => requests.push(sent));
        const page = await context.newPage();
        context.setDefaultTimeout(15000);
        await page.goto(`${origin}${path}`);
        await page.click('.btn.authorize');
        await page.fill('#client_id_authorizationCode', client.client_id);
        await page.fill('#client_secret_authorizationCode', client.client_secret);
        for (const scope of SCOPES)
          await page.click(`label[for="${scope}-authorizationCode-checkbox-oauth2"]`);
        const [popup] = await Promise.all([
          page.waitForEvent('popup'),
          page.click('button[aria-label="Apply given OAuth2 credentials"]'),
        ]);
        await popup.waitForSelector('#email');
        await popup.fill('#email', email);
        await popup.fill('#password', DEFAULT_PASSWORD);
        const tokenAnswer = (): Promise<BrowserResponse> =>
          page.waitForResponse((answer) => answer.url() === `${origin}/api/oauth/token`);
        let tokenResponse: BrowserResponse;
        if (consent === 'the consent screen') {
          await Promise.all([
            popup.waitForSelector('button[value=authorize]'),
            popup.click('button[type=submit]'),
          ]);
          [tokenResponse] = await Promise.all([
            tokenAnswer(),
            popup.click('button[value=authorize]'),
          ]);
        } else {
          [tokenResponse] = await Promise.all([tokenAnswer(), popup.click('button[type=submit]')]);
        }
        expect(tokenResponse.status()).toBe(200);
        const { access_token: accessToken } = (await tokenResponse.json()) as {
          access_token: string;
        };

        const authorization = new URL(
          requests
            .map((sent) => sent.url())
            .find((url) => url.startsWith(`${origin}/profile/apps/authorize?`)) ?? '',
        ).searchParams;
        expect(authorization.get('redirect_uri')).toBe(`${origin}${REDIRECT_PATH}`);
        expect(authorization.get('scope')).toBe(SCOPES.join(' '));
        expect(authorization.get('code_challenge_method')).toBe('S256');
        const exchange = new URLSearchParams(tokenResponse.request().postData() ?? '');
        expect(exchange.get('client_secret')).toBe(client.client_secret);
        expect(exchange.get('redirect_uri')).toBe(`${origin}${REDIRECT_PATH}`);
        const verifier = exchange.get('code_verifier') ?? '';
        expect(createHash('sha256').update(verifier).digest('base64url')).toBe(
          authorization.get('code_challenge'),
        );

        await page.click('.modal-ux .close-modal');
        const [call, shown] = await Promise.all([
          page.waitForRequest(`${origin}/api/auth/profile`),
          tryItOut(page, 'auth-getProfile'),
        ]);
        expect(shown.status).toBe('200');
        expect(shown.body).toContain(email);
        expect(await call.headerValue('authorization')).toBe(`Bearer ${accessToken}`);
        await context.close();
      },
    );

    it('still takes a pasted token', async () => {
      const context = await browser.newContext();
      context.setDefaultTimeout(15000);
      const page = await context.newPage();
      await page.goto(`${origin}/api/docs`);
      await page.click('.btn.authorize');
      await page.fill('#auth-bearer-value', await login(t.http, email, DEFAULT_PASSWORD));
      await page.click('button[aria-label="Apply credentials"]');
      await page.click('.modal-ux .close-modal');
      const shown = await tryItOut(page, 'workouts-workoutsList');
      expect(shown.status).toBe('200');
      expect(shown.body).toContain('"workouts": []');
      await context.close();
    });
  });
});
