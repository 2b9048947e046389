import { PrincipalStatement } from 'src/auth/principal-statement';
import type { CallerRead } from 'src/database/caller-read';
import { SqlParams } from 'src/database/sql-params';

const CTES = `WITH "found" AS (SELECT u.*, to_json(u) AS pk_user FROM "users" u WHERE u.id = $1)`;
const COLUMNS = '"found"."pk_user"';

function summarySql(): CallerRead<unknown> {
  return {
    joins: (user) =>
      `CROSS JOIN LATERAL (SELECT count(*) AS n FROM t WHERE t.user_id = ${user}.id) s`,
    columns: 's.n AS pk_summary_n',
    read: () => {
      throw new Error('not read here');
    },
  };
}

/** A read with a value of the request: rows of `t` after a bound. */
function afterSql(): CallerRead<unknown> {
  return {
    joins: (user, params) =>
      `CROSS JOIN LATERAL (SELECT count(*) AS n FROM t
        WHERE t.user_id = ${user}.id AND t.at > ${params.add('2024-01-01')}) s`,
    columns: 's.n AS pk_after_n',
    read: () => {
      throw new Error('not read here');
    },
  };
}

describe('PrincipalStatement', () => {
  it('alone, selects the found row and nothing else', () => {
    const principal = new PrincipalStatement(CTES, COLUMNS);
    const params = new SqlParams([7]);
    expect(principal.reading(undefined, params)).toBe(principal.alone);
    expect(principal.alone.text).toBe(`${CTES} SELECT "found"."pk_user" FROM "found"`);
    expect(params.values).toEqual([7]);
  });

  it('with a caller read, joins it to the found user in the same statement', () => {
    const principal = new PrincipalStatement(CTES, COLUMNS);
    const joined = principal.reading(summarySql(), new SqlParams([7]));
    expect(joined.text.startsWith(CTES)).toBe(true);
    expect(joined.text).toContain('SELECT "found"."pk_user", s.n AS pk_summary_n');
    expect(joined.text).toContain('WHERE t.user_id = "found".id');
    expect(joined.name).not.toBe(principal.alone.name);
  });

  it("numbers the read's values after the authentication query's", () => {
    const principal = new PrincipalStatement(CTES, COLUMNS);
    const params = new SqlParams([7]);
    const joined = principal.reading(afterSql(), params);
    expect(joined.text).toContain('t.at > $2');
    expect(params.values).toEqual([7, '2024-01-01']);
  });

  it('builds the joined statement once per read text', () => {
    const principal = new PrincipalStatement(CTES, COLUMNS);
    const summary = summarySql();
    const first = principal.reading(summary, new SqlParams([7]));
    expect(principal.reading(summary, new SqlParams([8]))).toBe(first);
    expect(principal.reading(summarySql(), new SqlParams([9]))).toBe(first);
    expect(principal.reading(afterSql(), new SqlParams([9]))).not.toBe(first);
  });

  it('asks a read that adds no value for its SQL once, and one that adds values every time', () => {
    const principal = new PrincipalStatement(CTES, COLUMNS);
    const summary = summarySql();
    const summaryJoins = jest.spyOn(summary, 'joins');
    const after = afterSql();
    const afterJoins = jest.spyOn(after, 'joins');
    for (const id of [7, 8, 9]) {
      expect(principal.reading(summary, new SqlParams([id])).text).toContain('pk_summary_n');
      const params = new SqlParams([id]);
      expect(principal.reading(after, params).text).toContain('t.at > $2');
      // Each request's values still reach its own parameters.
      expect(params.values).toEqual([id, '2024-01-01']);
    }
    expect(summaryJoins).toHaveBeenCalledTimes(1);
    expect(afterJoins).toHaveBeenCalledTimes(3);
  });
});
