import { LOOKUP_POSITION, PrincipalBatchStatement } from 'src/auth/principal-batch-statement';
import type { CallerRead } from 'src/database/caller-read';

const ctes = ([id, name]: readonly string[]): string =>
  `WITH "found" AS (SELECT u.*, to_json(u) AS pk_user FROM "users" u WHERE u.id = ${id} AND u.name = ${name})`;
const COLUMNS = '"found"."pk_user"';

const summary: CallerRead<unknown> = {
  joins: (user) =>
    `CROSS JOIN LATERAL (SELECT count(*) AS n FROM t WHERE t.user_id = ${user}.id) s`,
  columns: 's.n AS pk_summary_n',
  read: () => null,
};

const after: CallerRead<unknown> = {
  joins: (user, params) =>
    `CROSS JOIN LATERAL (SELECT count(*) AS n FROM t
      WHERE t.user_id = ${user}.id AND t.at > ${params.add('2024-01-01')}) s`,
  columns: 's.n AS pk_after_n',
  read: () => null,
};

describe('PrincipalBatchStatement', () => {
  const batch = new PrincipalBatchStatement(ctes, COLUMNS, ['int8[]', 'text[]']);

  it('runs the query once per pair of array elements, its values being their columns', () => {
    const text = batch.alone.text;
    expect(text).toContain(`SELECT "pk_keys"."n"::int AS "${LOOKUP_POSITION}", "pk_row".*`);
    expect(text).toContain(
      'FROM unnest($1::int8[], $2::text[]) WITH ORDINALITY AS "pk_keys"(v1, v2, "n")',
    );
    expect(text).toContain(
      `CROSS JOIN LATERAL (${ctes(['"pk_keys"."v1"', '"pk_keys"."v2"'])} SELECT ${COLUMNS} FROM "found") "pk_row"`,
    );
    expect(batch.reading(undefined)).toBe(batch.alone);
  });

  it('joins a read that adds no value, once per read', () => {
    const joins = jest.spyOn(summary, 'joins');
    const joined = batch.reading(summary);
    expect(joined?.text).toContain('SELECT "found"."pk_user", s.n AS pk_summary_n FROM "found"');
    expect(joined?.text).toContain('WHERE t.user_id = "found".id) s) "pk_row"');
    expect(batch.reading(summary)).toBe(joined);
    expect(joins).toHaveBeenCalledTimes(1);
    expect(joined?.name).not.toBe(batch.alone.name);
  });

  it('has no statement for a read with values of its own', () => {
    expect(batch.reading(after)).toBeNull();
    expect(batch.reading(after)).toBeNull();
  });
});
