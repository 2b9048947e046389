import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { createExampleApp } from 'examples/third-party-app/app';
import { PROTECTED_API_CALL } from 'examples/third-party-app/protected-call';
import { type Browser, chromium, type Page } from 'playwright-core';
import { firstPartyToken } from 'test/helpers/auth';
import { createUser, DEFAULT_PASSWORD } from 'test/helpers/factories';
import { createOAuth2Client } from 'test/helpers/oauth2-flow';
import { createTestApp, type TestApp } from 'test/setup/test-app';

/** Debian's chromium (`apt-get install -y chromium`); a downloaded browser is never used. */
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium)
  console.warn(
    `Skipping the OAuth2 browser test: ${CHROMIUM} is missing (apt-get install -y chromium).`,
  );
const describeWithBrowser = hasChromium ? describe : describe.skip;

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve((server.address() as AddressInfo).port);
    });
  });
}

async function click(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForLoadState('load'), page.click(selector)]);
}

describeWithBrowser(
  'OAuth2 in a real browser: example app → consent → API → refresh → revoke',
  () => {
    jest.setTimeout(120000);
    let t: TestApp;
    let exampleServer: Server;
    let browser: Browser;
    let pacekeeperUrl: string;
    let exampleUrl: string;

    beforeAll(async () => {
      t = await createTestApp();
      await t.app.listen(0, '127.0.0.1');
      const address = t.app.getHttpServer().address() as AddressInfo;
      pacekeeperUrl = `http://127.0.0.1:${String(address.port)}`;
      exampleServer = createServer();
      exampleUrl = `http://127.0.0.1:${String(await listen(exampleServer))}`;
      const admin = await createUser(t.dataSource, { admin: true, email: 'coach@example.com' });
      const client = await createOAuth2Client(t, firstPartyToken(t.app, admin), {
        client_name: 'Example app',
        client_description: 'Signs in through Pacekeeper',
        client_uri: exampleUrl,
        redirect_uris: [`${exampleUrl}/callback`],
        scope: PROTECTED_API_CALL.scope,
      });
      exampleServer.on(
        'request',
        createExampleApp({
          pacekeeperUrl,
          clientId: client.client_id,
          clientSecret: client.client_secret,
          callbackUrl: `${exampleUrl}/callback`,
          sessionSecret: 'example-session-secret',
        }),
      );
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: CHROMIUM_ARGS,
      });
    });

    afterAll(async () => {
      await browser.close();
      await new Promise((resolve) => exampleServer.close(resolve));
      await t.close();
    });

    it('signs in, calls the API, refreshes, revokes, and the token is refused', async () => {
      const page = await browser.newPage();
      await page.goto(`${exampleUrl}/`);
      await click(page, '#login');

      expect(page.url()).toMatch(new RegExp(`^${pacekeeperUrl}/profile/apps/authorize\\?`));
      await page.fill('#email', 'COACH@example.com');
      await page.fill('#password', DEFAULT_PASSWORD);
      await click(page, 'button[type=submit]');

      expect(await page.textContent('h1')).toBe('Authorize Example app?');
      expect(await page.textContent('ul.scopes')).toContain(PROTECTED_API_CALL.scope);
      await click(page, 'button[value=authorize]');

      expect(page.url()).toBe(`${exampleUrl}/`);
      expect(await page.textContent('#scope')).toBe(PROTECTED_API_CALL.scope);

      await click(page, 'form[action="/call"] button');
      expect(await page.textContent('#message')).toBe('API answered 200');

      await click(page, 'form[action="/refresh"] button');
      expect(await page.textContent('#message')).toBe('Tokens refreshed');
      await click(page, 'form[action="/call"] button');
      expect(await page.textContent('#message')).toBe('API answered 200');

      await click(page, 'form[action="/revoke"] button');
      expect(await page.textContent('#message')).toBe('Revocation answered 200');
      await click(page, 'form[action="/call"] button');
      expect(await page.textContent('#message')).toBe('API answered 401');

      const rows: { revoked: number }[] = await t.dataSource.query(
        'SELECT count(*)::int AS revoked FROM oauth2_tokens WHERE access_token_revoked_at IS NOT NULL',
      );
      expect(rows[0]?.revoked).toBe(2);
    });

    it('sends the user back with access_denied on Cancel', async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${exampleUrl}/`);
      await click(page, '#login');
      await page.fill('#email', 'coach@example.com');
      await page.fill('#password', DEFAULT_PASSWORD);
      await click(page, 'button[type=submit]');
      await click(page, 'button[value=cancel]');
      expect(page.url()).toBe(`${exampleUrl}/`);
      expect(await page.textContent('#message')).toBe('Sign-in was cancelled or refused.');
      await context.close();
    });
  },
);
