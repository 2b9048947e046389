import { SCOPE } from 'src/auth/scopes';
import { User } from 'src/users/user.entity';
import request from 'supertest';
import { bearer, firstPartyToken } from 'test/helpers/auth';
import {
  expectForbidden,
  expectInsufficientScope,
  expectInvalidPayload,
  expectInvalidToken,
  expectUnauthorized,
} from 'test/helpers/expect-envelope';
import { createUser } from 'test/helpers/factories';
import { oauth2AccessToken } from 'test/helpers/oauth2-tokens';
import { createTestApp, type TestApp } from 'test/setup/test-app';

const usernamesOf = (res: request.Response): string[] =>
  (res.body.data.users as { username: string }[]).map((user) => user.username);

describe('GET /api/users (as in FitTrackee)', () => {
  let t: TestApp;
  let admin: User;
  let adminToken: string;
  let userToken: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await createUser(t.dataSource, { username: 'admin', admin: true });
    const sam = await createUser(t.dataSource, { username: 'sam' });
    await createUser(t.dataSource, { username: 'toto', isActive: false });
    // Distinct creation dates, in an order that differs from the alphabetical one.
    const users = t.dataSource.getRepository(User);
    await users.update({ username: 'toto' }, { createdAt: new Date('2020-01-01T00:00:00Z') });
    await users.update({ username: 'admin' }, { createdAt: new Date('2021-01-01T00:00:00Z') });
    await users.update({ username: 'sam' }, { createdAt: new Date('2022-01-01T00:00:00Z') });
    adminToken = firstPartyToken(t.app, admin);
    userToken = firstPartyToken(t.app, sam);
  });
  afterAll(() => t.close());

  const list = (query = '', token = adminToken) =>
    request(t.http).get(`/api/users${query}`).set(bearer(token));

  describe('access', () => {
    it('requires a token', async () => {
      expectUnauthorized(await request(t.http).get('/api/users'));
    });

    it('answers invalid_token for an invalid token', async () => {
      expectInvalidToken(await list('', 'invalid'));
    });

    it('is admin only', async () => {
      expectForbidden(await list('', userToken));
    });

    it('needs the users:read scope for OAuth2 tokens', async () => {
      const usersWrite = await oauth2AccessToken(t.app, admin, SCOPE.USERS_WRITE);
      const usersRead = await oauth2AccessToken(t.app, admin, SCOPE.USERS_READ);
      expectInsufficientScope(await list('', usersWrite));
      expect((await list('', usersRead)).status).toBe(200);
    });

    it('refuses a non-admin OAuth2 token that has the scope', async () => {
      const sam = await t.dataSource.getRepository(User).findOneByOrFail({ username: 'sam' });
      const usersRead = await oauth2AccessToken(t.app, sam, SCOPE.USERS_READ);
      expectForbidden(await list('', usersRead));
    });
  });

  it('lists every user, active or not, by username ascending', async () => {
    const res = await list().expect(200);
    expect(usernamesOf(res)).toEqual(['admin', 'sam', 'toto']);
    expect(res.body.pagination).toEqual({
      has_next: false,
      has_prev: false,
      page: 1,
      pages: 1,
      total: 3,
    });
    expect(res.body.status).toBe('success');
  });

  it('shows the admin their own preferences and only common fields of others', async () => {
    const [self, other] = (await list().expect(200)).body.data.users;
    expect(self).toMatchObject({ username: 'admin', admin: true, timezone: 'Europe/Paris' });
    expect(self).toHaveProperty('accepted_privacy_policy');
    expect(other).toMatchObject({ username: 'sam', nb_workouts: 0, total_duration: '0:00:00' });
    expect(other).not.toHaveProperty('timezone');
    expect(other).not.toHaveProperty('password');
    expect(other).not.toHaveProperty('id');
  });

  it('pages like the reference example (desc, page 2 of 2 per page)', async () => {
    const res = await list('?order_by=username&order=desc&page=2&per_page=2').expect(200);
    expect(usernamesOf(res)).toEqual(['admin']);
    expect(res.body.pagination).toEqual({
      has_next: false,
      has_prev: true,
      page: 2,
      pages: 2,
      total: 3,
    });
  });

  it('sorts descending for any order other than asc', async () => {
    expect(usernamesOf(await list('?order=whatever'))).toEqual(['toto', 'sam', 'admin']);
  });

  it.each([
    ['created_at', 'asc', ['toto', 'admin', 'sam']],
    ['created_at', 'desc', ['sam', 'admin', 'toto']],
    ['admin', 'desc', ['admin', 'sam', 'toto']],
    ['is_active', 'asc', ['toto', 'admin', 'sam']],
    ['workouts_count', 'asc', ['admin', 'sam', 'toto']],
  ])('sorts by %s %s', async (orderBy, order, expected) => {
    expect(usernamesOf(await list(`?order_by=${orderBy}&order=${order}`))).toEqual(expected);
  });

  it('sorts by the number of workouts once the workouts table exists', async () => {
    // The workouts feature owns the table; when it is absent here, a minimal one stands in.
    const exists: { found: boolean }[] = await t.dataSource.query(
      `SELECT to_regclass('workouts') IS NOT NULL AS "found"`,
    );
    if (exists[0]?.found === true) return;
    await t.dataSource.query(
      `CREATE TABLE "workouts" ("id" SERIAL PRIMARY KEY, "user_id" integer)`,
    );
    try {
      const ids = await t.dataSource.getRepository(User).find({ order: { username: 'ASC' } });
      const [adminRow, samRow, totoRow] = ids;
      await t.dataSource.query(
        `INSERT INTO "workouts" ("user_id") VALUES ($1), ($1), ($2), ($2), ($2), ($3)`,
        [samRow!.id, totoRow!.id, adminRow!.id],
      );
      expect(usernamesOf(await list('?order_by=workouts_count&order=desc'))).toEqual([
        'toto',
        'sam',
        'admin',
      ]);
    } finally {
      await t.dataSource.query(`DROP TABLE "workouts"`);
    }
  });

  it('filters case-insensitively on a username substring', async () => {
    const res = await list('?q=AM').expect(200);
    expect(usernamesOf(res)).toEqual(['sam']);
    expect(res.body.pagination.total).toBe(1);
  });

  it('keeps % and _ as wildcards like the reference ILIKE', async () => {
    expect(usernamesOf(await list('?q=s_m'))).toEqual(['sam']);
    expect(usernamesOf(await list('?q=%25'))).toEqual(['admin', 'sam', 'toto']);
  });

  it('answers an empty page with pagination past the end', async () => {
    const res = await list('?page=3').expect(200);
    expect(res.body.data.users).toEqual([]);
    expect(res.body.pagination).toEqual({
      has_next: false,
      has_prev: true,
      page: 3,
      pages: 1,
      total: 3,
    });
  });

  it('replaces a page below 1 by 1', async () => {
    const res = await list('?page=0').expect(200);
    expect(res.body.pagination.page).toBe(1);
    expect(usernamesOf(res)).toHaveLength(3);
  });

  it('answers no user and zero pages when nothing matches', async () => {
    const res = await list('?q=nobody').expect(200);
    expect(res.body).toEqual({
      status: 'success',
      data: { users: [] },
      pagination: { has_next: false, has_prev: false, page: 1, pages: 0, total: 0 },
    });
  });

  it.each(['?page=A', '?per_page=x', '?order_by=password'])(
    'answers invalid payload for %s (a 500 in the reference)',
    async (query) => {
      expectInvalidPayload(await list(query));
    },
  );
});

describe('GET /api/users per_page limits (as in FitTrackee, docs/compatibility.md#pagination)', () => {
  let t: TestApp;
  let adminToken: string;

  beforeAll(async () => {
    t = await createTestApp();
    adminToken = firstPartyToken(t.app, await createUser(t.dataSource, { admin: true }));
    for (let i = 0; i < 54; i += 1) await createUser(t.dataSource);
  });
  afterAll(() => t.close());

  const pagination = async (query: string) => {
    const res = await request(t.http).get(`/api/users${query}`).set(bearer(adminToken)).expect(200);
    return { count: res.body.data.users.length as number, pagination: res.body.pagination };
  };

  it('defaults to 10 per page', async () => {
    expect(await pagination('')).toEqual({
      count: 10,
      pagination: { has_next: true, has_prev: false, page: 1, pages: 6, total: 55 },
    });
  });

  it('caps per_page at 50', async () => {
    expect(await pagination('?per_page=60')).toEqual({
      count: 50,
      pagination: { has_next: true, has_prev: false, page: 1, pages: 2, total: 55 },
    });
  });

  it('uses 20 per page when per_page is below 1', async () => {
    expect(await pagination('?per_page=0&page=3')).toEqual({
      count: 15,
      pagination: { has_next: false, has_prev: true, page: 3, pages: 3, total: 55 },
    });
  });

  it('never repeats a user across pages', async () => {
    const seen = new Set<string>();
    for (let page = 1; page <= 6; page += 1) {
      const res = await request(t.http)
        .get(`/api/users?order_by=admin&page=${page}`)
        .set(bearer(adminToken));
      for (const user of res.body.data.users as { username: string }[]) seen.add(user.username);
    }
    expect(seen.size).toBe(55);
  });
});
