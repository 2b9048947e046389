import type { AddressInfo } from 'node:net';

import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { bearer, firstPartyToken } from 'test/helpers/auth';
import { type BrowserAppSite, serveBrowserApp } from 'test/helpers/browser-app-site';
import { describeWithChromium, launchChromium } from 'test/helpers/chromium';
import { expectInvalidToken } from 'test/helpers/expect-envelope';
import { createUser, DEFAULT_PASSWORD } from 'test/helpers/factories';
import { createOAuth2Client, type TestClient } from 'test/helpers/oauth2-flow';
import { createManualWorkout } from 'test/helpers/workouts-api';
import { createTestApp, type TestApp } from 'test/setup/test-app';

const describeWithBrowser = describeWithChromium('the browser app (public client) test');

async function click(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForLoadState('load'), page.click(selector)]);
}

/** The token answer the example keeps in the tab's sessionStorage. */
async function storedTokens(page: Page): Promise<{ access_token: string }> {
  const stored = await page.evaluate<string | null>('sessionStorage.getItem("pacekeeper.tokens")');
  return JSON.parse(stored ?? '{}') as { access_token: string };
}

interface FetchInit {
  method?: string;
  headers: Record<string, string>;
  body?: string;
}

/** What a page's own fetch gets: the status, or how the browser refused. */
function fetchFrom(page: Page, url: string, init: FetchInit): Promise<string> {
  return page.evaluate(
    async ([target, options]) => {
      try {
        return String((await fetch(target, options)).status);
      } catch (error) {
        return `blocked: ${error instanceof Error ? error.name : 'unknown'}`;
      }
    },
    [url, init] as const,
  );
}

describeWithBrowser(
  'examples/browser-app in Chromium: a public client on another origin, Authorization Code + PKCE, CORS',
  () => {
    jest.setTimeout(120000);
    let t: TestApp;
    let browser: Browser;
    let pacekeeperUrl: string;
    let app: BrowserAppSite;
    let unregistered: BrowserAppSite;
    let client: TestClient;

    beforeAll(async () => {
      t = await createTestApp();
      await t.app.listen(0, '127.0.0.1');
      const address = t.app.getHttpServer().address() as AddressInfo;
      pacekeeperUrl = `http://127.0.0.1:${String(address.port)}`;
      const user = await createUser(t.dataSource, { email: 'runner@example.com' });
      const token = firstPartyToken(t.app, user);
      await createManualWorkout(t, token, { title: 'Tempo run', distance: 10 });
      const config = { pacekeeperUrl, clientId: '', scope: 'workouts:read' };
      app = await serveBrowserApp(config);
      client = await createOAuth2Client(t, token, {
        client_name: 'Browser app',
        client_uri: app.url,
        redirect_uris: [`${app.url}/`],
        scope: 'workouts:read',
        token_endpoint_auth_method: 'none',
      });
      config.clientId = client.client_id;
      unregistered = await serveBrowserApp(config);
      browser = await launchChromium();
    });

    afterAll(async () => {
      await browser.close();
      await app.close();
      await unregistered.close();
      await t.close();
    });

    it('signs in without a secret, lists the workouts, refreshes and signs out', async () => {
      const page = await browser.newPage();
      await page.goto(`${app.url}/`);
      await page.waitForSelector('#login:not([hidden])');
      await click(page, '#login');
      expect(page.url()).toMatch(new RegExp(`^${pacekeeperUrl}/profile/apps/authorize\\?`));
      await page.fill('#email', 'runner@example.com');
      await page.fill('#password', DEFAULT_PASSWORD);
      await click(page, 'button[type=submit]');
      expect(await page.textContent('h1')).toBe('Authorize Browser app?');
      await click(page, 'button[value=authorize]');
      await page.waitForSelector('#workouts:not([hidden]) tbody tr');
      expect(page.url()).toBe(`${app.url}/`);
      expect(await page.textContent('#status')).toBe('Signed in (scope: workouts:read).');
      expect(await page.locator('#workouts tbody td').first().textContent()).toBe('Tempo run');

      const first = await storedTokens(page);
      await page.click('#refresh');
      await page.waitForSelector('#message:text("Tokens refreshed.")');
      expect(await page.locator('#workouts tbody tr').count()).toBe(1);
      expectInvalidToken(
        await request(t.http).get('/api/workouts').set(bearer(first.access_token)),
      );

      const refreshed = await storedTokens(page);
      expect(refreshed.access_token).not.toBe(first.access_token);
      const init = { headers: { Authorization: `Bearer ${refreshed.access_token}` } };
      expect(await fetchFrom(page, `${pacekeeperUrl}/api/workouts`, init)).toBe('200');

      // Another origin, with the same valid token: the browser withholds the answer.
      const foreign = await browser.newPage();
      await foreign.goto(`${unregistered.url}/`);
      expect(await fetchFrom(foreign, `${pacekeeperUrl}/api/workouts`, init)).toBe(
        'blocked: TypeError',
      );
      expect(
        await fetchFrom(foreign, `${pacekeeperUrl}/api/oauth/token`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: `grant_type=refresh_token&client_id=${client.client_id}&refresh_token=x`,
        }),
      ).toBe('blocked: TypeError');
      await foreign.close();

      await page.click('#logout');
      await page.waitForSelector('#message:text("Signed out: Pacekeeper revoked the tokens.")');
      expect(await page.textContent('#status')).toBe('Not signed in.');
      expectInvalidToken(
        await request(t.http).get('/api/workouts').set(bearer(refreshed.access_token)),
      );
      await page.close();
    });
  },
);
