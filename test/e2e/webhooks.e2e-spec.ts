import { recordWorkoutEvent } from 'src/webhooks/outbox/record-workout-event';
import request from 'supertest';
import { bearer, firstPartyToken } from 'test/helpers/auth';
import { createUser } from 'test/helpers/factories';
import {
  authorizeCode,
  createOAuth2Client,
  exchangeCode,
  type TestClient,
  type TokenPair,
} from 'test/helpers/oauth2-flow';
import { syntheticGpx } from 'test/helpers/synthetic-gpx';
import { postWorkoutFile } from 'test/helpers/uploads';
import { WebhookReceiver } from 'test/helpers/webhook-receiver';
import { createManualWorkout } from 'test/helpers/workouts-api';
import { createTestApp, type TestApp } from 'test/setup/test-app';
import { buildZip } from 'test/unit/files-zip-builder';

const WEBHOOK_ENV = {
  WEBHOOKS_ALLOW_PRIVATE_TARGETS: '1',
  WEBHOOKS_POLL_INTERVAL_MS: '40',
  WEBHOOKS_TIMEOUT_MS: '300',
  WEBHOOKS_RETRY_BASE_MS: '60',
  WEBHOOKS_RETRY_WINDOW_MS: '1500',
};

const workoutIdOf = (body: Record<string, unknown>): unknown =>
  (body['workout'] as { id?: unknown } | undefined)?.id;

interface Webhook {
  id: string;
  secret?: string;
  is_enabled: boolean;
  disabled_reason: string | null;
}

interface Delivery {
  id: string;
  event: string;
  status: string;
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
}

describe('webhooks (docs/webhooks.md)', () => {
  let t: TestApp;
  let ownerToken: string;
  let client: TestClient;
  const receivers: WebhookReceiver[] = [];

  beforeAll(async () => {
    t = await createTestApp(WEBHOOK_ENV);
    const owner = await createUser(t.dataSource);
    ownerToken = firstPartyToken(t.app, owner);
    client = await createOAuth2Client(t, ownerToken, { scope: 'profile:read workouts:read' });
  });
  afterAll(async () => {
    for (const receiver of receivers) await receiver.close();
    await t.close();
  });

  const hooks = (path = ''): string => `/api/oauth/apps/${client.client_id}/webhooks${path}`;

  async function receiver(): Promise<WebhookReceiver> {
    const started = await WebhookReceiver.start();
    receivers.push(started);
    return started;
  }

  async function subscribe(target: WebhookReceiver, events?: string[]): Promise<Webhook> {
    const res = await request(t.http)
      .post(hooks())
      .set(bearer(ownerToken))
      .send({ callback_url: target.url(), ...(events ? { events } : {}) });
    expect(res.status).toBe(201);
    const webhook = res.body.data.webhook as Webhook;
    target.secret = webhook.secret ?? '';
    return webhook;
  }

  /** A user who authorized the client with `scope`; their first-party token and OAuth2 pair. */
  async function authorizedUser(
    scope: string,
  ): Promise<{ token: string; pair: TokenPair; username: string }> {
    const user = await createUser(t.dataSource);
    const token = firstPartyToken(t.app, user);
    const code = await authorizeCode(t, token, client, { scope });
    const res = await exchangeCode(t, client, code);
    expect(res.status).toBe(200);
    return { token, pair: res.body as TokenPair, username: user.username };
  }

  async function deliveries(webhook: Webhook): Promise<Delivery[]> {
    const res = await request(t.http)
      .get(hooks(`/${webhook.id}/deliveries`))
      .set(bearer(ownerToken))
      .expect(200);
    return res.body.data.deliveries as Delivery[];
  }

  describe('subscriptions', () => {
    it('creates after the handshake, shows the secret once, lists and deletes', async () => {
      const target = await receiver();
      const webhook = await subscribe(target, ['workout.deleted']);
      expect(webhook.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
      const list = await request(t.http).get(hooks()).set(bearer(ownerToken)).expect(200);
      const listed = (list.body.data.webhooks as Webhook[]).find((w) => w.id === webhook.id);
      expect(listed).toMatchObject({ events: ['workout.deleted'], is_enabled: true });
      expect(listed).not.toHaveProperty('secret');
      await request(t.http)
        .delete(hooks(`/${webhook.id}`))
        .set(bearer(ownerToken))
        .expect(204);
      await request(t.http)
        .delete(hooks(`/${webhook.id}`))
        .set(bearer(ownerToken))
        .expect(404);
    });

    it('refuses a callback that does not echo the challenge, and bad input, with a 400', async () => {
      const target = await receiver();
      target.isEchoingChallenge = false;
      const refused = await request(t.http)
        .post(hooks())
        .set(bearer(ownerToken))
        .send({ callback_url: target.url() });
      expect(refused.status).toBe(400);
      expect(refused.body.message).toMatch(/^callback verification failed: /);
      for (const body of [
        {},
        { callback_url: 'not a url' },
        { callback_url: 'ftp://127.0.0.1/x' },
        { callback_url: target.url(), events: ['workout.exploded'] },
        { callback_url: target.url(), events: [] },
      ]) {
        const res = await request(t.http).post(hooks()).set(bearer(ownerToken)).send(body);
        expect({ status: res.status, status_field: res.body.status }).toEqual({
          status: 400,
          status_field: 'error',
        });
      }
    });

    it('is for the owner of the client, with a first-party token', async () => {
      const stranger = firstPartyToken(t.app, await createUser(t.dataSource));
      await request(t.http).get(hooks()).set(bearer(stranger)).expect(404);
      const { pair } = await authorizedUser('workouts:read');
      await request(t.http).get(hooks()).set(bearer(pair.access_token)).expect(403);
      await request(t.http).get(hooks()).expect(401);
    });
  });

  describe('deliveries', () => {
    let target: WebhookReceiver;

    beforeAll(async () => {
      target = await receiver();
      await subscribe(target);
    });

    it('delivers each workout event once, signed, in order, with ids and changes only', async () => {
      const reader = await authorizedUser('workouts:read');
      const created = await createManualWorkout(t, reader.token, { title: 'Lap', notes: 'n' });
      const id = created['id'] as string;
      await request(t.http)
        .patch(`/api/workouts/${id}`)
        .set(bearer(reader.token))
        .send({ title: 'Renamed' })
        .expect(200);
      await request(t.http).delete(`/api/workouts/${id}`).set(bearer(reader.token)).expect(204);
      await target.waitFor(() => target.of('workout.deleted').length === 1);

      const events = target.received.filter((d) => workoutIdOf(d.body) === id);
      expect(events.map((d) => d.event)).toEqual([
        'workout.created',
        'workout.updated',
        'workout.deleted',
      ]);
      for (const delivery of events) {
        expect(delivery.isSigned).toBe(true);
        expect(delivery.body['delivery_id']).toBe(delivery.deliveryId);
      }
      expect(events[0]?.body).toEqual({
        delivery_id: events[0]?.deliveryId,
        event: 'workout.created',
        occurred_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        client_id: client.client_id,
        user: { username: reader.username },
        workout: { id },
      });
      // Speeds of a manual workout are always recomputed (FitTrackee `PATCH /api/workouts/<workout_id>`).
      expect(events[1]?.body['changes']).toEqual(['title', 'ave_speed', 'max_speed']);
      expect(new Set(target.received.map((d) => d.deliveryId)).size).toBe(target.received.length);
    });

    it('one event per workout of a file or zip upload', async () => {
      const reader = await authorizedUser('workouts:read');
      const before = target.of('workout.created').length;
      const single = await postWorkoutFile(t, reader.token, syntheticGpx({ points: 20 }));
      expect(single.status).toBe(201);
      const zip = await buildZip([
        { name: 'a.gpx', data: syntheticGpx({ points: 20, seed: 1 }) },
        { name: 'b.gpx', data: syntheticGpx({ points: 20, seed: 2 }) },
      ]);
      const zipped = await postWorkoutFile(t, reader.token, zip, { fileName: 'two.zip' });
      expect(zipped.status).toBe(201);
      const ids = [...single.body.data.workouts, ...zipped.body.data.workouts].map(
        (w: { id: string }) => w.id,
      );
      expect(ids).toHaveLength(3);
      await target.waitFor(() => target.of('workout.created').length === before + 3);
      const delivered = target
        .of('workout.created')
        .slice(before)
        .map((d) => (d.body['workout'] as { id: string }).id);
      expect(delivered.sort()).toEqual([...ids].sort());
    });

    it('nothing for users who did not authorize the app or lack workouts:read', async () => {
      const outsider = firstPartyToken(t.app, await createUser(t.dataSource));
      const profileOnly = await authorizedUser('profile:read');
      const before = target.received.length;
      await createManualWorkout(t, outsider, { title: 'secret' });
      await createManualWorkout(t, profileOnly.token, { title: 'secret too' });
      // A workout of an authorized user afterwards: once it arrives, the others would have too.
      const reader = await authorizedUser('workouts:read');
      const marker = await createManualWorkout(t, reader.token, {});
      await target.waitFor(() => target.received.length > before);
      expect(target.received.slice(before).map((d) => d.body['workout'])).toEqual([
        { id: marker['id'] },
      ]);
    });

    it('app.deauthorized when the user’s tokens are revoked; no workout event afterwards', async () => {
      const reader = await authorizedUser('workouts:read');
      await request(t.http)
        .post('/api/oauth/revoke')
        .type('form')
        .send({
          client_id: client.client_id,
          client_secret: client.client_secret,
          token: reader.pair.access_token,
        })
        .expect(200);
      await target.waitFor(() =>
        target.of('app.deauthorized').some((d) => d.body['user'] !== undefined),
      );
      const deauthorized = target.of('app.deauthorized');
      expect(deauthorized).toHaveLength(1);
      expect(deauthorized[0]?.body).toMatchObject({
        event: 'app.deauthorized',
        client_id: client.client_id,
        user: { username: reader.username },
      });
      expect(deauthorized[0]?.body).not.toHaveProperty('workout');
      const before = target.received.length;
      await createManualWorkout(t, reader.token, {});
      const other = await authorizedUser('workouts:read');
      const marker = await createManualWorkout(t, other.token, {});
      await target.waitFor(() => target.received.length > before);
      expect(target.received.slice(before).map((d) => d.body['workout'])).toEqual([
        { id: marker['id'] },
      ]);
    });

    it('a rolled-back change leaves no event', async () => {
      const reader = await authorizedUser('workouts:read');
      const workout = await createManualWorkout(t, reader.token, {});
      const [row] = await t.dataSource.query<{ id: number }[]>(
        `SELECT w.id FROM workouts w JOIN users u ON u.id = w.user_id WHERE u.username = $1`,
        [reader.username],
      );
      await expect(
        t.dataSource.transaction(async (manager) => {
          await recordWorkoutEvent(manager, 'workout.deleted', row?.id ?? 0);
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      await target.waitFor(() =>
        target.received.some((d) => workoutIdOf(d.body) === workout['id']),
      );
      const [counted] = await t.dataSource.query<{ count: number }[]>(
        `SELECT count(*)::int AS count FROM webhook_events WHERE type = 'workout.deleted'
           AND workout_uuid = (SELECT uuid FROM workouts WHERE id = $1)`,
        [row?.id],
      );
      expect(counted?.count).toBe(0);
    });
  });

  describe('retries', () => {
    it('500 twice then 200: delivered on the third try, same delivery id', async () => {
      const target = await receiver();
      const webhook = await subscribe(target, ['workout.created']);
      target.script = [500, 500];
      const reader = await authorizedUser('workouts:read');
      await createManualWorkout(t, reader.token, {});
      await target.waitFor(() => target.received.length === 3);
      expect(new Set(target.received.map((d) => d.deliveryId)).size).toBe(1);
      expect(target.received.every((d) => d.isSigned)).toBe(true);
      const [delivery] = await deliveries(webhook);
      await target.waitFor(() => true);
      expect(delivery).toMatchObject({ status: 'delivered', attempts: 3, last_status_code: 200 });
    });

    it('a receiver that never answers: failed after the retry window; redelivery works', async () => {
      const target = await receiver();
      const webhook = await subscribe(target, ['workout.created']);
      target.defaultAnswer = 'hang';
      const reader = await authorizedUser('workouts:read');
      await createManualWorkout(t, reader.token, {});
      let listed: Delivery[] = [];
      const deadline = Date.now() + 8000;
      while (Date.now() < deadline) {
        listed = await deliveries(webhook);
        if (listed[0]?.status === 'failed') break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(listed[0]).toMatchObject({ status: 'failed', last_status_code: null });
      expect(listed[0]?.attempts).toBeGreaterThan(1);
      expect(listed[0]?.last_error).toMatch(/no answer within 300 ms/);

      target.defaultAnswer = 200;
      const attempts = target.received.length;
      const res = await request(t.http)
        .post(hooks(`/${webhook.id}/deliveries/${listed[0]?.id ?? ''}/redeliver`))
        .set(bearer(ownerToken))
        .expect(201);
      const redelivery = res.body.data.delivery as Delivery;
      expect(redelivery).toMatchObject({ status: 'pending', attempts: 0 });
      await target.waitFor(() => target.received.length > attempts);
      expect(target.received.at(-1)?.deliveryId).toBe(redelivery.id);
      await request(t.http)
        .post(hooks(`/${webhook.id}/deliveries/not-a-uuid/redeliver`))
        .set(bearer(ownerToken))
        .expect(404);
    });
  });

  describe('the user revokes the application among their connected apps', () => {
    it('the application gets one app.deauthorized for that user only', async () => {
      const target = await receiver();
      const webhook = await subscribe(target, ['app.deauthorized']);
      const leaving = await authorizedUser('workouts:read');
      const staying = await authorizedUser('workouts:read');
      await request(t.http)
        .delete(`/api/oauth/authorized_apps/${client.client_id}`)
        .set(bearer(leaving.token))
        .expect(204);
      await target.waitFor(() => target.received.length >= 1);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(target.received.map((d) => d.body['user'])).toEqual([
        expect.objectContaining({ username: leaving.username }),
      ]);
      expect(staying.username).not.toBe(leaving.username);
      // An application has few subscriptions (MAX_WEBHOOKS_PER_CLIENT): this one is done.
      await request(t.http)
        .delete(hooks(`/${webhook.id}`))
        .set(bearer(ownerToken))
        .expect(204);
    });
  });

  describe('the user’s password changes', () => {
    it('every application the user authorized gets one app.deauthorized, in the same transaction', async () => {
      const target = await receiver();
      const webhook = await subscribe(target, ['app.deauthorized']);
      const changing = await authorizedUser('workouts:read');
      const other = await authorizedUser('workouts:read');
      // Whichever path changes the password (profile, reset link, CLI): the database does it.
      await t.dataSource.query(`UPDATE users SET password = 'changed' WHERE username = $1`, [
        changing.username,
      ]);
      await target.waitFor(() => target.received.length >= 1);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(target.received.map((d) => d.body['user'])).toEqual([
        expect.objectContaining({ username: changing.username }),
      ]);
      expect(other.username).not.toBe(changing.username);
      const refreshed = await request(t.http).post('/api/oauth/token').type('form').send({
        grant_type: 'refresh_token',
        client_id: client.client_id,
        client_secret: client.client_secret,
        refresh_token: changing.pair.refresh_token,
      });
      expect(refreshed.body.error).toBe('invalid_grant');
      // An application has few subscriptions (MAX_WEBHOOKS_PER_CLIENT): this one is done.
      await request(t.http)
        .delete(hooks(`/${webhook.id}`))
        .set(bearer(ownerToken))
        .expect(204);
    });
  });

  describe('the owner revokes every token of the application', () => {
    it('each user who authorized it gets one app.deauthorized', async () => {
      const target = await receiver();
      await subscribe(target, ['app.deauthorized']);
      const first = await authorizedUser('workouts:read');
      const second = await authorizedUser('profile:read');
      await request(t.http)
        .post(`/api/oauth/apps/${client.id}/revoke`)
        .set(bearer(ownerToken))
        .expect(200);
      await target.waitFor(() => target.received.length >= 2);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const users = target.received.map((d) => (d.body['user'] as { username: string }).username);
      expect(users).toContain(first.username);
      expect(users).toContain(second.username);
      expect(new Set(users).size).toBe(users.length);
    });
  });
});
