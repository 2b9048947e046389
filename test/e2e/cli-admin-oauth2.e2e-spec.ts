import { OAuth2Token } from 'src/oauth2/tokens/oauth2-token.entity';
import request from 'supertest';
import { bearer } from 'test/helpers/auth';
import { cliEnv, runCliProcess } from 'test/helpers/cli-process';
import { createUser } from 'test/helpers/factories';
import { issueOAuth2Tokens } from 'test/helpers/oauth2-flow';
import { createTestApp, type TestApp } from 'test/setup/test-app';

// Tokens are issued through the real OAuth2 endpoints, revoked by the built CLI in a process of
// its own, then checked through the API: a revoked token no longer authenticates.
describe('CLI oauth2 apps / tokens (pacekeeper)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const cli = (...args: string[]) => runCliProcess(cliEnv(t.config), ...args);
  const profileStatus = async (accessToken: string) =>
    (await request(t.http).get('/api/auth/profile').set(bearer(accessToken))).status;

  describe('oauth2 apps', () => {
    it('lists every app with its owner, or the apps of one user', async () => {
      const owner = await createUser(t.dataSource, { username: 'apps_owner' });
      const other = await createUser(t.dataSource, { username: 'apps_other' });
      const mine = await issueOAuth2Tokens(t, owner, 'profile:read');
      const theirs = await issueOAuth2Tokens(t, other, 'workouts:read');

      const all = await cli('oauth2', 'apps', 'list');
      expect(all.code).toBe(0);
      const lines = all.out.split('\n');
      expect(lines[0]).toMatch(/^CLIENT_ID\s+NAME\s+OWNER\s+CREATED\s+SCOPE$/);
      expect(lines).toEqual(
        expect.arrayContaining([
          expect.stringMatching(
            new RegExp(
              `^${mine.client.client_id}\\s+Test app\\s+apps_owner\\s+.+\\s+profile:read$`,
            ),
          ),
          expect.stringMatching(
            new RegExp(`^${theirs.client.client_id}\\s+Test app\\s+apps_other\\s+`),
          ),
        ]),
      );

      const filtered = await cli('oauth2', 'apps', 'list', '--user', 'apps_owner');
      expect(filtered.code).toBe(0);
      expect(filtered.out).toContain(mine.client.client_id);
      expect(filtered.out).not.toContain(theirs.client.client_id);
    });

    it('says so when a user has no app, and exits 1 for an unknown user', async () => {
      const user = await createUser(t.dataSource);
      expect(await cli('oauth2', 'apps', 'list', '--user', user.username)).toEqual({
        code: 0,
        out: 'No OAuth2 apps.',
        err: '',
      });
      expect((await cli('oauth2', 'apps', 'list', '--user', 'nobody_here')).code).toBe(1);
    });

    it('revokes every token of one app, and only of that app', async () => {
      const user = await createUser(t.dataSource);
      const revoked = await issueOAuth2Tokens(t, user, 'profile:read');
      const kept = await issueOAuth2Tokens(t, user, 'profile:read');
      expect(await profileStatus(revoked.access_token)).toBe(200);

      const run = await cli('oauth2', 'apps', 'revoke', revoked.client.client_id);
      expect(run).toEqual({
        code: 0,
        out: `Tokens of OAuth2 app '${revoked.client.client_id}' (Test app) revoked.`,
        err: '',
      });
      expect(await profileStatus(revoked.access_token)).toBe(401);
      expect(await profileStatus(kept.access_token)).toBe(200);
      const refresh = await request(t.http).post('/api/oauth/token').type('form').send({
        grant_type: 'refresh_token',
        refresh_token: revoked.refresh_token,
        client_id: revoked.client.client_id,
        client_secret: revoked.client.client_secret,
      });
      expect(refresh.status).toBe(400);
    });

    it('exits 1 for an unknown client_id', async () => {
      expect(await cli('oauth2', 'apps', 'revoke', 'no-such-client')).toEqual({
        code: 1,
        out: '',
        err: "OAuth2 app 'no-such-client' not found.",
      });
    });
  });

  describe('oauth2 tokens revoke --user', () => {
    it("revokes every OAuth2 token of the user and no one else's", async () => {
      const user = await createUser(t.dataSource);
      const other = await createUser(t.dataSource);
      const first = await issueOAuth2Tokens(t, user, 'profile:read');
      const second = await issueOAuth2Tokens(t, user, 'profile:read');
      const others = await issueOAuth2Tokens(t, other, 'profile:read');

      const run = await cli('oauth2', 'tokens', 'revoke', '--user', user.username);
      expect(run).toEqual({
        code: 0,
        out: `OAuth2 tokens of user '${user.username}' revoked.`,
        err: '',
      });
      expect(await profileStatus(first.access_token)).toBe(401);
      expect(await profileStatus(second.access_token)).toBe(401);
      expect(await profileStatus(others.access_token)).toBe(200);
      const tokens = await t.dataSource.getRepository(OAuth2Token).findBy({ userId: user.id });
      expect(tokens.every((token) => token.refreshTokenRevokedAt !== null)).toBe(true);
    });

    it('requires --user', async () => {
      const run = await cli('oauth2', 'tokens', 'revoke');
      expect(run.code).toBe(2);
      expect(run.err).toBe("error: required option '--user <username>' not specified");
    });
  });
});
