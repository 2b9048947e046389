import { randomBytes, randomUUID } from 'node:crypto';

import { SCOPE } from 'src/auth/scopes';
import { OAuth2ClientsService } from 'src/oauth2/clients/oauth2-clients.service';
import request from 'supertest';
import { bearer, firstPartyToken } from 'test/helpers/auth';
import { createUser } from 'test/helpers/factories';
import { PLAUSIBLE_VALUES } from 'test/helpers/fuzz/plausible-values';
import { oauth2AccessToken } from 'test/helpers/oauth2-tokens';
import { syntheticGpx } from 'test/helpers/synthetic-gpx';
import { postWorkoutFile } from 'test/helpers/uploads';
import { createManualWorkout } from 'test/helpers/workouts-api';
import type { TestApp } from 'test/setup/test-app';

export type CallerKind = 'anonymous' | 'user' | 'admin' | 'oauth2';
export const CALLER_KINDS: readonly CallerKind[] = ['anonymous', 'user', 'admin', 'oauth2'];

type Rows = Record<string, string[]>;

/** `~~name.0~~`: URL- and JSON-safe, so it survives encoding until the request is sent. */
const PLACEHOLDER = /~~([a-z_]+)\.(\d+)~~/g;

async function uploadGpxWorkout(t: TestApp, token: string): Promise<Record<string, unknown>> {
  const res = await postWorkoutFile(t, token, syntheticGpx({ points: 30 }));
  if (res.status !== 201) throw new Error(`fuzz world: upload failed ${res.status} ${res.text}`);
  return (res.body as { data: { workouts: Record<string, unknown>[] } }).data.workouts[0]!;
}

/** A webhook of the client with one delivery, seeded in the database (no handshake). */
async function seedWebhook(
  t: TestApp,
  clientId: number,
): Promise<{ webhookId: string; deliveryId: string }> {
  const webhookId = randomUUID();
  const deliveryId = randomUUID();
  await t.dataSource.query(
    `WITH s AS (
       INSERT INTO webhook_subscriptions (uuid, client_id, callback_url, events, secret_seed, is_enabled)
       VALUES ($1, $2, 'https://hooks.invalid/in', '{workout.created}', repeat('0', 64), false)
       RETURNING id),
     e AS (
       INSERT INTO webhook_events (type, user_id, username, is_fanned_out)
       VALUES ('app.deauthorized', 0, 'fuzz', true) RETURNING id)
     INSERT INTO webhook_deliveries (uuid, subscription_id, event_id, status)
     SELECT $3, s.id, e.id, 'failed' FROM s, e`,
    [webhookId, clientId, deliveryId],
  );
  return { webhookId, deliveryId };
}

/**
 * The rows the fuzzer aims at (users and their tokens, workouts, an OAuth2 client), so that
 * generated requests get past the lookups and reach the writes. Generated values name them by
 * placeholder, resolved when a request is sent: after a request that may have consumed them
 * (deleted the caller, logged it out, deleted the workout), `reseed` makes fresh ones and the
 * following cases aim at those.
 */
export class FuzzWorld {
  readonly headers: Record<CallerKind, Record<string, string>> = {
    anonymous: {},
    user: {},
    admin: {},
    oauth2: {},
  };
  private rows: Rows = {};

  private constructor(
    private readonly t: TestApp,
    private readonly withGpx: boolean,
  ) {}

  static async create(t: TestApp, withGpx: boolean): Promise<FuzzWorld> {
    const world = new FuzzWorld(t, withGpx);
    await world.reseed();
    return world;
  }

  /** Values a field or parameter of that name may take to get past the first checks. */
  plausible(name: string): readonly string[] {
    const rows = Object.hasOwn(this.rows, name) ? this.rows[name] : undefined;
    if (rows !== undefined) return rows.map((_, index) => `~~${name}.${index}~~`);
    return Object.hasOwn(PLAUSIBLE_VALUES, name) ? (PLAUSIBLE_VALUES[name] ?? []) : [];
  }

  resolve(text: string): string {
    return text.replace(PLACEHOLDER, (match, name: string, index: string) =>
      Object.hasOwn(this.rows, name) ? (this.rows[name]?.[Number(index)] ?? match) : match,
    );
  }

  async reseed(): Promise<void> {
    const { t } = this;
    const tag = randomBytes(4).toString('hex');
    const user = await createUser(t.dataSource, { username: `fz_user_${tag}` });
    const admin = await createUser(t.dataSource, { username: `fz_admin_${tag}`, admin: true });
    const victim = await createUser(t.dataSource, { username: `fz_victim_${tag}` });
    const userToken = firstPartyToken(t.app, user);
    const oauth = await oauth2AccessToken(t.app, user, SCOPE.WORKOUTS_READ, SCOPE.PROFILE_READ);
    const manual = await createManualWorkout(t, userToken, { title: 'fuzz', notes: 'n' });
    const gpx = this.withGpx ? await uploadGpxWorkout(t, userToken) : undefined;
    const { client } = await t.app.get(OAuth2ClientsService).create(user, {
      client_name: 'fuzz app',
      client_uri: 'https://fuzz.example.net',
      redirect_uris: ['https://fuzz.example.net/cb'],
      scope: 'workouts:read profile:read',
    });
    const webhook = await seedWebhook(t, client.id);
    Object.assign(this.headers, {
      user: bearer(userToken),
      admin: bearer(firstPartyToken(t.app, admin)),
      oauth2: bearer(oauth),
    });
    this.rows = {
      username: [user.username, victim.username, admin.username, `fz_new_${tag}`],
      email: [user.email, victim.email, `fz_new_${tag}@example.com`],
      workout_id: [String(manual['id']), ...(gpx ? [String(gpx['id'])] : [])],
      map_id: [typeof gpx?.['map'] === 'string' ? gpx['map'] : '0'],
      client_id: [client.client_id],
      id: [String(client.id)],
      client_secret: [client.client_secret ?? ''],
      webhook_id: [webhook.webhookId],
      delivery_id: [webhook.deliveryId],
    };
  }
}

/** GET /api/ping answers: the server is alive. */
export async function expectAlive(t: TestApp): Promise<void> {
  const res = await request(t.http).get('/api/ping');
  expect({ status: res.status, body: res.body }).toEqual({
    status: 200,
    body: { status: 'success', message: 'pong!' },
  });
}
