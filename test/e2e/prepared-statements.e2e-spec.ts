import { PreparedQueries, statement } from 'src/database/prepared-queries';
import request from 'supertest';
import { bearer, firstPartyToken } from 'test/helpers/auth';
import { createUser } from 'test/helpers/factories';
import { createTestApp, type TestApp } from 'test/setup/test-app';

/** What the connection that runs it has prepared, itself included when named. */
const LIST = statement(`SELECT name FROM pg_prepared_statements WHERE name LIKE 'pk\\_%'`);

describe.each([
  ['by default', {}, true],
  ['with DATABASE_PREPARED_STATEMENTS=false', { DATABASE_PREPARED_STATEMENTS: 'false' }, false],
])('hot reads %s', (_label, env, isPreparing) => {
  let t: TestApp;
  let queries: PreparedQueries;

  beforeAll(async () => {
    t = await createTestApp(env);
    queries = t.app.get(PreparedQueries);
  });
  afterAll(() => t.close());

  it(`${isPreparing ? 'are' : 'are not'} prepared on the connection, and answer alike`, async () => {
    const user = await createUser(t.dataSource);
    const token = firstPartyToken(t.app, user);
    for (let i = 0; i < 3; i++)
      await request(t.http).get('/api/auth/profile').set(bearer(token)).expect(200);
    const names = (await queries.rows<{ name: string }>(LIST, [])).map((row) => row.name);
    if (isPreparing) expect(names).toContain(LIST.name);
    else expect(names).toEqual([]);
  });

  it('inside a transaction, run on its connection and see its writes', async () => {
    const user = await createUser(t.dataSource);
    const seen = await t.dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE users SET bio = 'in transaction' WHERE id = $1`, [user.id]);
      return queries.rows<{ bio: string }>(
        statement('SELECT bio FROM users WHERE id = $1'),
        [user.id],
        manager,
      );
    });
    expect(seen).toEqual([{ bio: 'in transaction' }]);
  });
});
