import { PrincipalStatement } from 'src/auth/principal-statement';
import type { UserSummarySql } from 'src/users/user-workout-summary';

const CTES = `WITH "found" AS (SELECT u.* FROM "users" u WHERE u.id = $1)`;

function summarySql(): UserSummarySql {
  return {
    joins: (userId) =>
      `CROSS JOIN LATERAL (SELECT count(*) AS n FROM t WHERE t.user_id = ${userId}) s`,
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

  it("with a summary, joins it to the found user's id in the same statement", () => {
    const principal = new PrincipalStatement(CTES);
    const joined = principal.reading(summarySql());
    expect(joined.text.startsWith(CTES)).toBe(true);
    expect(joined.text).toContain('SELECT "found".*, s.n AS pk_summary_n');
    expect(joined.text).toContain('WHERE t.user_id = "found"."id"');
    expect(joined.name).not.toBe(principal.alone.name);
  });

  it('builds the joined statement once per summary', () => {
    const principal = new PrincipalStatement(CTES);
    const summary = summarySql();
    expect(principal.reading(summary)).toBe(principal.reading(summary));
    const other = summarySql();
    expect(principal.reading(other).text).toBe(principal.reading(summary).text);
  });
});
