import { EntityRows } from 'src/database/entity-rows';
import { User } from 'src/users/user.entity';
import { createUser } from 'test/helpers/factories';
import { createTestApp, type TestApp } from 'test/setup/test-app';

/** Values a user's row can hold that text, JSON and dates each get wrong some way or other. */
const AWKWARD: Record<string, unknown>[] = [
  {
    created_at: '2024-02-29 23:59:59.999999',
    birth_date: '0001-01-01 00:00:00',
    accepted_policy_date: null,
    bio: 'quotes " and \' and \\ backslash, tab\there, new\nline, \u2028 \u00e9 \u{1F3C3}',
    location: null,
    use_dark_mode: null,
  },
  {
    // Past year 9999 and before year 1: JSON's own timestamp text is no date to JavaScript.
    created_at: '12345-06-07 08:09:10',
    birth_date: '2026-03-29 02:30:00.5',
  },
  {
    created_at: '1970-01-01 00:00:00',
    birth_date: '9999-12-31 23:59:59.999999',
    accepted_policy_date: '2000-01-01 00:00:00.0005',
    first_name: '{"json": [1, 2]}',
    last_name: '',
    use_dark_mode: true,
  },
  {
    created_at: '1899-12-31 23:59:59.123456',
    birth_date: null,
    accepted_policy_date: '0044-03-15 12:00:00 BC',
    bio: 'control \u0001 \u001f chars',
    timezone: 'America/St_Johns',
    use_dark_mode: false,
  },
];

describe('EntityRows: a packed row hydrates as its columns do', () => {
  let t: TestApp;
  let users: EntityRows<User>;

  beforeAll(async () => {
    t = await createTestApp();
    users = new EntityRows(t.dataSource, User);
  });
  afterAll(async () => {
    await t.close();
  });

  it.each(AWKWARD.map((values, index) => [index, values] as const))(
    'user %i: every column, from JSON as from the row',
    async (_index, values) => {
      const { id } = await createUser(t.dataSource);
      const columns = Object.keys(values);
      await t.dataSource.query(
        `UPDATE users SET ${columns.map((column, i) => `"${column}" = $${i + 2}`).join(', ')}
          WHERE id = $1`,
        [id, ...Object.values(values)],
      );
      const [row] = await t.dataSource.query<Record<string, unknown>[]>(
        `SELECT ${users.selectList('u')}, ${users.packedObject('u')} AS packed
           FROM users u WHERE u.id = $1`,
        [id],
      );
      if (row === undefined) throw new Error('no row');
      const fromColumns = users.hydrate(row);
      const fromPacked = users.hydratePacked(row['packed']);
      expect(fromPacked).toEqual(fromColumns);
      // Dates compare by their time value; an invalid one would equal another invalid one.
      for (const value of Object.values(fromPacked as unknown as Record<string, unknown>))
        if (value instanceof Date) expect(Number.isNaN(value.getTime())).toBe(false);
      expect(fromPacked.bio).toBe(values['bio'] ?? fromColumns.bio);
    },
  );

  it('refuses a value that is not a packed row', () => {
    expect(() => users.hydratePacked(null)).toThrow(TypeError);
    expect(() => users.hydratePacked('{"id": 1}')).toThrow(TypeError);
  });
});
