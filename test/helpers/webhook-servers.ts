import { randomBytes, randomUUID } from 'node:crypto';

import { hashSecret } from 'src/oauth2/tokens/secrets';
import request from 'supertest';
import { bearer } from 'test/helpers/auth';
import { createUser, DEFAULT_PASSWORD } from 'test/helpers/factories';
import type { WebhookReceiver } from 'test/helpers/webhook-receiver';
import type { DataSource } from 'typeorm';

/** Short windows, loopback allowed: the settings of webhook tests on server processes. */
export const WEBHOOK_SERVER_ENV: Readonly<Record<string, string>> = {
  AUTHLIB_INSECURE_TRANSPORT: '1',
  WEBHOOKS_ALLOW_PRIVATE_TARGETS: '1',
  WEBHOOKS_POLL_INTERVAL_MS: '50',
  WEBHOOKS_TIMEOUT_MS: '1000',
  WEBHOOKS_RETRY_BASE_MS: '50',
  WEBHOOKS_RETRY_WINDOW_MS: '60000',
};

async function login(base: string, email: string): Promise<string> {
  const res = await request(base)
    .post('/api/auth/login')
    .send({ email, password: DEFAULT_PASSWORD })
    .expect(200);
  return res.body.auth_token as string;
}

/**
 * Against a running server: an app owner with a client subscribed to `receiver`, and `users`
 * users who authorized the client with workouts:read (their token pairs seeded as digests, as
 * the token endpoint stores them). Returns the users' first-party tokens.
 */
export async function subscribedWorld(
  base: string,
  dataSource: DataSource,
  receiver: WebhookReceiver,
  users: number,
): Promise<string[]> {
  const owner = await createUser(dataSource);
  const ownerToken = await login(base, owner.email);
  const created = await request(base)
    .post('/api/oauth/apps')
    .set(bearer(ownerToken))
    .send({
      client_name: 'Sync',
      client_uri: 'https://sync.example.net',
      redirect_uris: ['https://sync.example.net/cb'],
      scope: 'workouts:read',
    })
    .expect(201);
  const client = created.body.data.client as { id: number; client_id: string };
  const hook = await request(base)
    .post(`/api/oauth/apps/${client.client_id}/webhooks`)
    .set(bearer(ownerToken))
    .send({ callback_url: receiver.url(), events: ['workout.created'] })
    .expect(201);
  receiver.secret = hook.body.data.webhook.secret as string;
  const tokens: string[] = [];
  for (let i = 0; i < users; i += 1) {
    const user = await createUser(dataSource);
    await dataSource.query(
      `INSERT INTO oauth2_tokens (client_id, user_id, access_token_hash, refresh_token_hash, scope,
         issued_at, expires_in, family_id)
       VALUES ($1, $2, $3, $4, 'workouts:read', now() AT TIME ZONE 'utc', 3600, $5)`,
      [
        client.id,
        user.id,
        hashSecret(randomBytes(16).toString('hex')),
        hashSecret(randomBytes(16).toString('hex')),
        randomUUID(),
      ],
    );
    tokens.push(await login(base, user.email));
  }
  return tokens;
}

/** `POST /api/workouts/no_gpx`; the status (0 when the connection died). */
export function createWorkout(base: string, token: string, day: number): Promise<number> {
  return request(base)
    .post('/api/workouts/no_gpx')
    .set(bearer(token))
    .send({ sport_id: 1, duration: 3600, distance: 10, workout_date: `2024-01-${day} 10:00` })
    .then((res) => res.status)
    .catch(() => 0);
}
