import { PrincipalStatement } from 'src/auth/principal-statement';
import type { CallerRead } from 'src/database/caller-read';

const CTES = `WITH "found" AS (SELECT u.* FROM "users" u WHERE u.id = $1)`;

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

describe('PrincipalStatement', () => {
  it('alone, selects the found row and nothing else', () => {
    const principal = new PrincipalStatement(CTES);
    expect(principal.reading(undefined)).toBe(principal.alone);
    expect(principal.alone.text).toBe(`${CTES} SELECT * FROM "found"`);
  });

  it('with a caller read, joins it to the found user in the same statement', () => {
    const principal = new PrincipalStatement(CTES);
    const joined = principal.reading(summarySql());
    expect(joined.text.startsWith(CTES)).toBe(true);
    expect(joined.text).toContain('SELECT "found".*, s.n AS pk_summary_n');
    expect(joined.text).toContain('WHERE t.user_id = "found".id');
    expect(joined.name).not.toBe(principal.alone.name);
  });

  it('builds the joined statement once per read', () => {
    const principal = new PrincipalStatement(CTES);
    const summary = summarySql();
    expect(principal.reading(summary)).toBe(principal.reading(summary));
    const other = summarySql();
    expect(principal.reading(other).text).toBe(principal.reading(summary).text);
  });
});
