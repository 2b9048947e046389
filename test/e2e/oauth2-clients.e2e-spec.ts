import request from 'supertest';
import { bearer, firstPartyToken } from 'test/helpers/auth';
import {
  expectEnvelopeError,
  expectInsufficientScope,
  expectInvalidPayload,
  expectNotFound,
  expectUnauthorized,
} from 'test/helpers/expect-envelope';
import { createUser } from 'test/helpers/factories';
import { createOAuth2Client, issueOAuth2Tokens, REDIRECT_URI } from 'test/helpers/oauth2-flow';
import { createTestApp, type TestApp } from 'test/setup/test-app';

const METADATA = {
  client_name: 'GPX uploader',
  client_uri: 'https://uploader.example.net',
  redirect_uris: [REDIRECT_URI],
  scope: 'profile:read workouts:write',
};

const ISSUED_AT =
  /^[A-Z][a-z]{2}, \d{2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

describe('OAuth2 clients (FitTrackee /api/oauth/apps)', () => {
  let t: TestApp;
  let token: string;
  let otherToken: string;

  beforeAll(async () => {
    t = await createTestApp();
    token = firstPartyToken(t.app, await createUser(t.dataSource));
    otherToken = firstPartyToken(t.app, await createUser(t.dataSource));
  });
  afterAll(() => t.close());

  const create = (body?: unknown, as = token) => {
    const req = request(t.http).post('/api/oauth/apps').set(bearer(as));
    return body === undefined ? req : req.send(body as object);
  };

  describe('POST /api/oauth/apps', () => {
    it('requires a token', async () => {
      expectUnauthorized(await request(t.http).post('/api/oauth/apps').send(METADATA));
    });

    it.each([[undefined], [{}]])('answers metadata missing for body %p', async (body) => {
      expectEnvelopeError(await create(body), 400, 'error', 'OAuth2 client metadata missing');
    });

    it('lists missing keys in FitTrackee order', async () => {
      const res = await create({ client_description: 'x', redirect_uris: [REDIRECT_URI] });
      expectEnvelopeError(
        res,
        400,
        'error',
        'OAuth2 client metadata missing keys: client_name, client_uri, scope',
      );
    });

    it('names a single missing key', async () => {
      const { scope: _scope, ...rest } = METADATA;
      expectEnvelopeError(
        await create(rest),
        400,
        'error',
        'OAuth2 client metadata missing keys: scope',
      );
    });

    it.each([['foo'], [''], [3], ['   ']])('refuses scope %p', async (scope) => {
      expectEnvelopeError(
        await create({ ...METADATA, scope }),
        400,
        'error',
        'OAuth2 client invalid scopes',
      );
    });

    it.each([
      ['/callback', 'must be an absolute URL'],
      ['https://app.example.net/cb#frag', 'must not contain a fragment'],
      ['javascript:alert(1)', 'the "javascript:" scheme is not allowed'],
      ['data:text/html,hi', 'the "data:" scheme is not allowed'],
      ['file:///etc/passwd', 'the "file:" scheme is not allowed'],
      [
        'myapp:/cb',
        'the scheme must be http, https or a private-use scheme such as com.example.app',
      ],
    ])('refuses redirect URI %p', async (uri, reason) => {
      const res = await create({ ...METADATA, redirect_uris: [REDIRECT_URI, uri] });
      expectEnvelopeError(
        res,
        400,
        'error',
        `OAuth2 client invalid redirect URI "${uri}": ${reason}`,
      );
    });

    it('refuses redirect_uris that are not a list of strings', async () => {
      const res = await create({ ...METADATA, redirect_uris: 'https://a.example' });
      expectEnvelopeError(
        res,
        400,
        'error',
        'OAuth2 client redirect_uris must be a non-empty list of URLs',
      );
    });

    it('creates a client, filters scopes and shows the secret once', async () => {
      const res = await create({
        ...METADATA,
        redirect_uris: [
          REDIRECT_URI,
          'https://uploader.example.net/oauth',
          'http://127.0.0.1:8080/cb',
        ],
        scope: 'profile:read  foo workouts:write profile:read',
        grant_types: ['password'],
      });
      expect(res.status).toBe(201);
      expect(res.body.status).toBe('created');
      const client = res.body.data.client;
      expect(client).toEqual({
        client_description: null,
        client_id: expect.stringMatching(/^[A-Za-z0-9]{24}$/),
        client_secret: expect.stringMatching(/^[A-Za-z0-9]{48}$/),
        id: expect.any(Number),
        issued_at: expect.stringMatching(ISSUED_AT),
        name: 'GPX uploader',
        redirect_uris: [
          REDIRECT_URI,
          'https://uploader.example.net/oauth',
          'http://127.0.0.1:8080/cb',
        ],
        scope: 'profile:read workouts:write profile:read',
        website: 'https://uploader.example.net',
      });
      const fetched = await request(t.http)
        .get(`/api/oauth/apps/${client.client_id}`)
        .set(bearer(token));
      expect(fetched.status).toBe(200);
      expect(fetched.body.data.client.client_secret).toBeUndefined();
      const stored = await t.dataSource.query(
        'SELECT client_secret_hash FROM oauth2_clients WHERE id = $1',
        [client.id],
      );
      expect(stored[0].client_secret_hash).not.toContain(client.client_secret);
    });
  });

  describe('GET /api/oauth/apps', () => {
    let listToken: string;
    beforeAll(async () => {
      listToken = firstPartyToken(t.app, await createUser(t.dataSource));
      for (let i = 1; i <= 7; i += 1)
        await createOAuth2Client(t, listToken, { client_name: `app ${i}` });
    });

    it('returns 5 clients newest first with the pagination', async () => {
      const res = await request(t.http).get('/api/oauth/apps').set(bearer(listToken));
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('success');
      expect((res.body.data.clients as { name: string }[]).map((c) => c.name)).toEqual([
        'app 7',
        'app 6',
        'app 5',
        'app 4',
        'app 3',
      ]);
      expect(res.body.data.clients[0].client_secret).toBeUndefined();
      expect(res.body.pagination).toEqual({
        has_next: true,
        has_prev: false,
        page: 1,
        pages: 2,
        total: 7,
      });
    });

    it('returns page 2 and past-the-end pages', async () => {
      const page2 = await request(t.http).get('/api/oauth/apps?page=2').set(bearer(listToken));
      expect(page2.body.data.clients).toHaveLength(2);
      expect(page2.body.pagination).toEqual({
        has_next: false,
        has_prev: true,
        page: 2,
        pages: 2,
        total: 7,
      });
      const page9 = await request(t.http).get('/api/oauth/apps?page=9').set(bearer(listToken));
      expect(page9.body.data.clients).toEqual([]);
      expect(page9.body.pagination).toEqual({
        has_next: false,
        has_prev: true,
        page: 9,
        pages: 2,
        total: 7,
      });
    });

    it('treats page 0 as 1 and refuses a non-integer page', async () => {
      const res = await request(t.http).get('/api/oauth/apps?page=0').set(bearer(listToken));
      expect(res.body.pagination.page).toBe(1);
      expectInvalidPayload(
        await request(t.http).get('/api/oauth/apps?page=A').set(bearer(listToken)),
      );
    });

    it('lists only the caller’s clients', async () => {
      const res = await request(t.http).get('/api/oauth/apps').set(bearer(otherToken));
      expect(res.body.data.clients).toEqual([]);
      expect(res.body.pagination).toEqual({
        has_next: false,
        has_prev: false,
        page: 1,
        pages: 0,
        total: 0,
      });
    });
  });

  describe('single client endpoints', () => {
    it('gets own clients by client_id and by id, 404 for others', async () => {
      const client = await createOAuth2Client(t, token);
      const byClientId = await request(t.http)
        .get(`/api/oauth/apps/${client.client_id}`)
        .set(bearer(token));
      expect(byClientId.body.data.client.id).toBe(client.id);
      const byId = await request(t.http)
        .get(`/api/oauth/apps/${client.id}/by_id`)
        .set(bearer(token));
      expect(byId.body).toEqual({
        status: 'success',
        data: { client: byClientId.body.data.client },
      });
      for (const path of [
        `/api/oauth/apps/${client.client_id}`,
        `/api/oauth/apps/${client.id}/by_id`,
      ]) {
        expectNotFound(
          await request(t.http).get(path).set(bearer(otherToken)),
          'OAuth2 client not found',
        );
      }
      expectNotFound(
        await request(t.http).get(`/api/oauth/apps/${client.id}`).set(bearer(token)),
        'OAuth2 client not found',
      );
      expectNotFound(
        await request(t.http).get('/api/oauth/apps/abc/by_id').set(bearer(token)),
        'OAuth2 client not found',
      );
    });

    it('deletes a client with its tokens', async () => {
      const user = await createUser(t.dataSource);
      const tokens = await issueOAuth2Tokens(t, user, 'profile:read');
      const owner = firstPartyToken(t.app, user);
      expectNotFound(
        await request(t.http).delete(`/api/oauth/apps/${tokens.client.id}`).set(bearer(otherToken)),
        'OAuth2 client not found',
      );
      const res = await request(t.http)
        .delete(`/api/oauth/apps/${tokens.client.id}`)
        .set(bearer(owner));
      expect(res.status).toBe(204);
      expect(res.text).toBe('');
      const left = await t.dataSource.query(
        'SELECT count(*)::int AS n FROM oauth2_tokens WHERE client_id = $1',
        [tokens.client.id],
      );
      expect(left[0].n).toBe(0);
      expectNotFound(
        await request(t.http).delete(`/api/oauth/apps/${tokens.client.id}`).set(bearer(owner)),
        'OAuth2 client not found',
      );
    });

    it('revokes every token of an own client only', async () => {
      const user = await createUser(t.dataSource);
      const tokens = await issueOAuth2Tokens(t, user, 'workouts:read');
      const owner = firstPartyToken(t.app, user);
      expectNotFound(
        await request(t.http)
          .post(`/api/oauth/apps/${tokens.client.id}/revoke`)
          .set(bearer(otherToken)),
        'OAuth2 client not found',
      );
      const res = await request(t.http)
        .post(`/api/oauth/apps/${tokens.client.id}/revoke`)
        .set(bearer(owner));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: 'success' });
      const rows = await t.dataSource.query(
        'SELECT access_token_revoked_at FROM oauth2_tokens WHERE client_id = $1',
        [tokens.client.id],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0].access_token_revoked_at).not.toBeNull();
      expectNotFound(
        await request(t.http).post('/api/oauth/apps/999999/revoke').set(bearer(owner)),
        'OAuth2 client not found',
      );
    });

    it('refuses OAuth2 tokens, whatever their scopes (docs/oauth2.md#first-party-only)', async () => {
      const user = await createUser(t.dataSource);
      const tokens = await issueOAuth2Tokens(
        t,
        user,
        'profile:read profile:write users:read users:write workouts:read workouts:write application:write',
      );
      expectInsufficientScope(
        await request(t.http).get('/api/oauth/apps').set(bearer(tokens.access_token)),
      );
      expectInsufficientScope(
        await request(t.http)
          .post('/api/oauth/apps')
          .set(bearer(tokens.access_token))
          .send(METADATA),
      );
    });
  });
});
