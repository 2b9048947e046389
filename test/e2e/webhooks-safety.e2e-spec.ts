import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:net';

import request from 'supertest';
import { bearer, firstPartyToken } from 'test/helpers/auth';
import { createUser } from 'test/helpers/factories';
import { authorizeCode, createOAuth2Client, exchangeCode } from 'test/helpers/oauth2-flow';
import { WebhookReceiver } from 'test/helpers/webhook-receiver';
import { createManualWorkout } from 'test/helpers/workouts-api';
import { createTestApp, type TestApp } from 'test/setup/test-app';

/** An owner's client and its webhook URL; a user who authorized it with workouts:read. */
async function setUp(
  t: TestApp,
): Promise<{ hooks: string; ownerToken: string; userToken: string }> {
  const ownerToken = firstPartyToken(t.app, await createUser(t.dataSource));
  const client = await createOAuth2Client(t, ownerToken, { scope: 'workouts:read' });
  const userToken = firstPartyToken(t.app, await createUser(t.dataSource));
  const code = await authorizeCode(t, userToken, client, { scope: 'workouts:read' });
  expect((await exchangeCode(t, client, code)).status).toBe(200);
  return { hooks: `/api/oauth/apps/${client.client_id}/webhooks`, ownerToken, userToken };
}

describe('webhook callback safety (docs/webhooks.md#callback-urls)', () => {
  describe('by default', () => {
    let t: TestApp;
    let listener: Server;
    let connections = 0;

    beforeAll(async () => {
      t = await createTestApp({ WEBHOOKS_TIMEOUT_MS: '500' });
      listener = createServer((socket) => {
        connections += 1;
        socket.destroy();
      });
      await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    });
    afterAll(async () => {
      await new Promise((resolve) => listener.close(resolve));
      await t.close();
    });

    it('refuses private, loopback, link-local, CGNAT, ULA and multicast targets, and plain http', async () => {
      const { hooks, ownerToken } = await setUp(t);
      const port = (listener.address() as AddressInfo).port;
      const cases: [string, RegExp][] = [
        [`https://127.0.0.1:${port}/hook`, /private, loopback or link-local/],
        ['https://10.1.2.3/hook', /private, loopback or link-local/],
        ['https://192.168.1.10/hook', /private, loopback or link-local/],
        ['https://169.254.169.254/latest/meta-data', /private, loopback or link-local/],
        ['https://100.64.0.1/hook', /private, loopback or link-local/],
        ['https://[::1]/hook', /private, loopback or link-local/],
        ['https://[fe80::1]/hook', /private, loopback or link-local/],
        ['https://[fd12:3456::1]/hook', /private, loopback or link-local/],
        ['https://[::ffff:127.0.0.1]/hook', /private, loopback or link-local/],
        ['https://224.0.0.1/hook', /private, loopback or link-local/],
        ['https://2130706433/hook', /private, loopback or link-local/],
        [`https://localhost:${port}/hook`, /callback verification failed: .*resolves to/],
        [`http://127.0.0.1:${port}/hook`, /the scheme must be https/],
        ['https://user:pw@example.com/hook', /credentials/],
      ];
      for (const [callback_url, message] of cases) {
        const res = await request(t.http)
          .post(hooks)
          .set(bearer(ownerToken))
          .send({ callback_url });
        expect({ callback_url, status: res.status }).toEqual({ callback_url, status: 400 });
        expect(res.body.message).toMatch(message);
      }
      expect(connections).toBe(0);
    });
  });

  describe('a callback that keeps failing', () => {
    let t: TestApp;
    let target: WebhookReceiver;
    let elsewhere: WebhookReceiver;

    beforeAll(async () => {
      t = await createTestApp({
        WEBHOOKS_ALLOW_PRIVATE_TARGETS: '1',
        WEBHOOKS_POLL_INTERVAL_MS: '40',
        WEBHOOKS_TIMEOUT_MS: '300',
        WEBHOOKS_RETRY_BASE_MS: '50',
        WEBHOOKS_RETRY_WINDOW_MS: '60000',
        WEBHOOKS_DISABLE_AFTER_MS: '400',
      });
      target = await WebhookReceiver.start();
      elsewhere = await WebhookReceiver.start();
    });
    afterAll(async () => {
      await target.close();
      await elsewhere.close();
      await t.close();
    });

    it('is not redirected, and is disabled with its reason visible to the owner', async () => {
      const { hooks, ownerToken, userToken } = await setUp(t);
      const created = await request(t.http)
        .post(hooks)
        .set(bearer(ownerToken))
        .send({ callback_url: target.url() })
        .expect(201);
      const id = created.body.data.webhook.id as string;
      target.defaultAnswer = 302;
      target.redirectTo = elsewhere.url();
      await createManualWorkout(t, userToken, {});
      let webhook: { is_enabled: boolean; disabled_reason: string | null } | undefined;
      const deadline = Date.now() + 8000;
      while (Date.now() < deadline) {
        const list = await request(t.http).get(hooks).set(bearer(ownerToken)).expect(200);
        webhook = (
          list.body.data.webhooks as {
            id: string;
            is_enabled: boolean;
            disabled_reason: string | null;
          }[]
        ).find((w) => w.id === id);
        if (webhook?.is_enabled === false) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(webhook?.is_enabled).toBe(false);
      expect(webhook?.disabled_reason).toMatch(/^deliveries failing since .*; last: answered 302$/);
      expect(target.received.length).toBeGreaterThan(1);
      expect(elsewhere.received).toEqual([]);
      const attempts = target.received.length;
      await createManualWorkout(t, userToken, {});
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(target.received.length).toBe(attempts);
    });
  });
});
