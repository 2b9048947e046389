import { randomBytes } from 'node:crypto';

import { SCOPE } from 'src/auth/scopes';
import { OAuth2ClientsService } from 'src/oauth2/clients/oauth2-clients.service';
import type { User } from 'src/users/user.entity';
import request from 'supertest';
import { bearer, firstPartyToken } from 'test/helpers/auth';
import { createUser, DEFAULT_PASSWORD } from 'test/helpers/factories';
import { oauth2AccessToken } from 'test/helpers/oauth2-tokens';
import { syntheticGpx } from 'test/helpers/synthetic-gpx';
import { postWorkoutFile } from 'test/helpers/uploads';
import { createManualWorkout } from 'test/helpers/workouts-api';
import type { TestApp } from 'test/setup/test-app';

export type CallerKind = 'anonymous' | 'user' | 'admin' | 'oauth2';
export const CALLER_KINDS: readonly CallerKind[] = ['anonymous', 'user', 'admin', 'oauth2'];

/**
 * Rows the fuzzer aims at: real usernames, workout ids, client ids and map ids, so generated
 * requests get past the lookups and reach the writes. Fresh for each operation, so that what one
 * operation deletes (the caller, a workout, a token) never blinds the next one.
 */
export interface FuzzWorld {
  headers: Record<CallerKind, Record<string, string>>;
  user: User;
  admin: User;
  victim: User;
  /** Values a field or parameter of that name may take to get past the first checks. */
  plausible: Record<string, readonly string[]>;
}

async function uploadGpxWorkout(t: TestApp, token: string): Promise<Record<string, unknown>> {
  const res = await postWorkoutFile(t, token, syntheticGpx({ points: 30 }));
  if (res.status !== 201) throw new Error(`fuzz world: upload failed ${res.status} ${res.text}`);
  return (res.body as { data: { workouts: Record<string, unknown>[] } }).data.workouts[0]!;
}

/** Plausible values of the free-text and enumerated fields of the API. */
const TEXT_FIELDS: Record<string, readonly string[]> = {
  title: ['Morning run'],
  notes: ['easy pace'],
  client_name: ['My app'],
  client_uri: ['https://app.example.net'],
  client_description: ['An app'],
  admin_contact: ['admin@example.com'],
  about: ['About us'],
  privacy_policy: ['Policy'],
  first_name: ['Ada'],
  last_name: ['Lovelace'],
  bio: ['Runner'],
  location: ['Paris'],
  birth_date: ['1990-01-31'],
  timezone: ['Europe/Paris'],
  date_format: ['dd/MM/yyyy'],
  language: ['fr'],
  color: ['#112233'],
  q: ['fz'],
  order: ['asc', 'desc'],
  order_by: ['workout_date', 'username', 'distance'],
  state: ['xyz'],
  code: ['abc'],
  token: ['abc'],
  refresh_token: ['abc'],
  code_challenge: ['E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'],
  code_challenge_method: ['S256', 'plain'],
  duration: ['3600'],
  distance: ['10'],
  ascent: ['100'],
  descent: ['90'],
  page: ['1', '2'],
  per_page: ['5', '100'],
  max_users: ['10'],
  gpx_limit_import: ['10'],
  max_single_file_size: ['1048576'],
  max_zip_file_size: ['10485760'],
  distance_from: ['1'],
  distance_to: ['100'],
  duration_from: ['0:10'],
  duration_to: ['10:00'],
  ave_speed_from: ['1'],
  max_speed_to: ['50'],
};

export async function createFuzzWorld(t: TestApp, withGpx: boolean): Promise<FuzzWorld> {
  const tag = randomBytes(3).toString('hex');
  const user = await createUser(t.dataSource, { username: `fz_user_${tag}` });
  const admin = await createUser(t.dataSource, { username: `fz_admin_${tag}`, admin: true });
  const victim = await createUser(t.dataSource, { username: `fz_victim_${tag}` });
  const userToken = firstPartyToken(t.app, user);
  const oauth = await oauth2AccessToken(t.app, user, SCOPE.WORKOUTS_READ, SCOPE.PROFILE_READ);
  const manual = await createManualWorkout(t, userToken, { title: 'fuzz', notes: 'n' });
  const gpx = withGpx ? await uploadGpxWorkout(t, userToken) : undefined;
  const { client } = await app(t).create(user, {
    client_name: 'fuzz app',
    client_uri: 'https://fuzz.example.net',
    redirect_uris: ['https://fuzz.example.net/cb'],
    scope: 'workouts:read profile:read',
  });
  const workoutIds = [String(manual['id']), ...(gpx ? [String(gpx['id'])] : [])];
  return {
    user,
    admin,
    victim,
    headers: {
      anonymous: {},
      user: bearer(userToken),
      admin: bearer(firstPartyToken(t.app, admin)),
      oauth2: bearer(oauth),
    },
    plausible: {
      username: [user.username, victim.username, admin.username, `fz_new_${tag}`],
      workout_id: workoutIds,
      map_id: typeof gpx?.['map'] === 'string' ? [gpx['map']] : ['0'],
      segment_id: ['1', '0'],
      sport_id: ['1', '2', '9'],
      client_id: [client.client_id],
      id: [String(client.id)],
      email: [user.email, victim.email, `fz_new_${tag}@example.com`],
      new_email: ['other@example.com'],
      password: [DEFAULT_PASSWORD],
      new_password: ['87654321'],
      client_secret: [client.client_secret ?? ''],
      redirect_uri: ['https://fuzz.example.net/cb'],
      redirect_uris: ['https://fuzz.example.net/cb'],
      scope: ['workouts:read', 'profile:read workouts:read'],
      grant_type: ['authorization_code', 'refresh_token'],
      response_type: ['code'],
      workout_date: ['2024-01-01 10:00'],
      from: ['2024-01-01'],
      to: ['2024-12-31'],
      time: ['week', 'month', 'year', 'weekm'],
      ...TEXT_FIELDS,
    },
  };
}

function app(t: TestApp): OAuth2ClientsService {
  return t.app.get(OAuth2ClientsService);
}

/** GET /api/ping answers: the server is alive. */
export async function expectAlive(t: TestApp): Promise<void> {
  const res = await request(t.http).get('/api/ping');
  expect({ status: res.status, body: res.body }).toEqual({
    status: 200,
    body: { status: 'success', message: 'pong!' },
  });
}
