import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { createExampleApp } from 'examples/third-party-app/app';
import { SCOPE } from 'examples/third-party-app/pacekeeper-api';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { bearer, firstPartyToken } from 'test/helpers/auth';
import { describeWithChromium, launchChromium } from 'test/helpers/chromium';
import { expectInvalidToken } from 'test/helpers/expect-envelope';
import { createUser, DEFAULT_PASSWORD } from 'test/helpers/factories';
import { createOAuth2Client, type TestClient } from 'test/helpers/oauth2-flow';
import { createManualWorkout } from 'test/helpers/workouts-api';
import { createTestApp, type TestApp } from 'test/setup/test-app';

const describeWithBrowser = describeWithChromium('the OAuth2 browser test');

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

/** The cells of the example's workouts table, row by row. */
async function workoutRows(page: Page): Promise<string[][]> {
  const rows = await page.locator('#workouts tbody tr').all();
  return Promise.all(rows.map((row) => row.locator('td').allTextContents()));
}

/**
 * Newest first, as FitTrackee `GET /api/workouts` orders them by default; dates in GMT, the
 * seeds' local times being in the user's time zone (Europe/Paris, UTC+2 in May).
 */
const LISTED = [
  ['Hill repeats', 'Running', 'Fri, 03 May 2024 16:30:00 GMT', '12.5 km', '1:05:00'],
  ['Commute', 'Cycling (Transport)', 'Wed, 01 May 2024 05:15:00 GMT', '8 km', '0:25:00'],
];

describeWithBrowser(
  'OAuth2 in a real browser: example app → consent → workouts → refresh → sign out',
  () => {
    jest.setTimeout(120000);
    let t: TestApp;
    let exampleServer: Server;
    let browser: Browser;
    let pacekeeperUrl: string;
    let exampleUrl: string;
    let client: TestClient;
    /** A pass-through spy: the example's typed client calls fetch, so its bearer tokens show. */
    let fetchSpy: jest.SpiedFunction<typeof fetch>;

    function bearerTokensSent(): string[] {
      const headers = fetchSpy.mock.calls.map(([input]) =>
        input instanceof Request ? input.headers.get('authorization') : null,
      );
      const tokens = headers.flatMap((header) => header?.match(/^Bearer (.+)$/)?.[1] ?? []);
      return [...new Set(tokens)];
    }

    async function signIn(page: Page): Promise<void> {
      await page.goto(`${exampleUrl}/`);
      await click(page, '#login');
      expect(page.url()).toMatch(new RegExp(`^${pacekeeperUrl}/profile/apps/authorize\\?`));
      await page.fill('#email', 'COACH@example.com');
      await page.fill('#password', DEFAULT_PASSWORD);
      await click(page, 'button[type=submit]');
      expect(await page.textContent('h1')).toBe('Authorize Example app?');
      expect(await page.textContent('ul.scopes')).toContain(SCOPE);
      await click(page, 'button[value=authorize]');
      expect(page.url()).toBe(`${exampleUrl}/`);
    }

    async function expectSignedOut(page: Page, message: string): Promise<void> {
      expect(await page.textContent('#status')).toBe('Not signed in.');
      expect(await page.textContent('#message')).toBe(message);
      expect(await page.locator('#workouts').count()).toBe(0);
      expect(await page.locator('#login').count()).toBe(1);
    }

    beforeAll(async () => {
      t = await createTestApp();
      await t.app.listen(0, '127.0.0.1');
      const address = t.app.getHttpServer().address() as AddressInfo;
      pacekeeperUrl = `http://127.0.0.1:${String(address.port)}`;
      exampleServer = createServer();
      exampleUrl = `http://127.0.0.1:${String(await listen(exampleServer))}`;
      const admin = await createUser(t.dataSource, { admin: true, email: 'coach@example.com' });
      const token = firstPartyToken(t.app, admin);
      const seeds = [
        {
          title: 'Commute',
          sport_id: 2,
          distance: 8,
          duration: 1500,
          workout_date: '2024-05-01 07:15',
        },
        {
          title: 'Hill repeats',
          sport_id: 5,
          distance: 12.5,
          duration: 3900,
          workout_date: '2024-05-03 18:30',
        },
      ];
      for (const seed of seeds) await createManualWorkout(t, token, seed);
      client = await createOAuth2Client(t, token, {
        client_name: 'Example app',
        client_description: 'Signs in through Pacekeeper',
        client_uri: exampleUrl,
        redirect_uris: [`${exampleUrl}/callback`],
        scope: SCOPE,
      });
      fetchSpy = jest.spyOn(globalThis, 'fetch');
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
      browser = await launchChromium();
    });

    afterAll(async () => {
      fetchSpy.mockRestore();
      await browser.close();
      await new Promise((resolve) => exampleServer.close(resolve));
      await t.close();
    });

    it('signs in, lists the workouts, refreshes, signs out, and the tokens are refused', async () => {
      const page = await browser.newPage();
      await signIn(page);
      expect(await page.textContent('#scope')).toBe(SCOPE);
      expect(await workoutRows(page)).toEqual(LISTED);

      await click(page, 'form[action="/refresh"] button');
      expect(await page.textContent('#message')).toBe('Tokens refreshed');
      expect(await workoutRows(page)).toEqual(LISTED);
      const sent = bearerTokensSent();
      expect(sent).toHaveLength(2);

      await click(page, 'form[action="/revoke"] button');
      await expectSignedOut(page, 'Signed out: Pacekeeper revoked the tokens.');
      for (const token of sent)
        expectInvalidToken(await request(t.http).get('/api/workouts').set(bearer(token)));
      const rows: { revoked: number }[] = await t.dataSource.query(
        'SELECT count(*)::int AS revoked FROM oauth2_tokens WHERE access_token_revoked_at IS NOT NULL',
      );
      expect(rows[0]?.revoked).toBe(2);
    });

    it('shows the signed-out state when the token was revoked elsewhere', async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      fetchSpy.mockClear();
      await signIn(page);
      expect(await workoutRows(page)).toEqual(LISTED);
      const [token] = bearerTokensSent();
      await request(t.http)
        .post('/api/oauth/revoke')
        .type('form')
        .send({ token, client_id: client.client_id, client_secret: client.client_secret })
        .expect(200);
      await page.reload();
      await expectSignedOut(page, 'Pacekeeper no longer accepts the token: sign in again.');
      await context.close();
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
      await expectSignedOut(page, 'Sign-in was cancelled or refused.');
      await context.close();
    });
  },
);
