import { type Statement, statement } from 'src/database/prepared-queries';
import type { UserSummarySql } from 'src/users/user-workout-summary';

/**
 * An authentication query: `ctes` define `"found"`, the caller's `users` row with the token's
 * own columns, at most one row. It is read alone, or with the caller's summary joined when the
 * route reads it (FitTrackee `GET /api/auth/profile`): one round trip either way.
 */
export class PrincipalStatement {
  readonly alone: Statement;
  private joined: { summary: UserSummarySql; statement: Statement } | undefined;

  constructor(private readonly ctes: string) {
    this.alone = statement(`${ctes} SELECT * FROM "found"`);
  }

  /** The statement of a route that reads `summary` with its caller, or of any other route. */
  reading(summary: UserSummarySql | undefined): Statement {
    if (summary === undefined) return this.alone;
    if (this.joined?.summary !== summary) {
      this.joined = {
        summary,
        statement: statement(
          `${this.ctes} SELECT "found".*, ${summary.columns}
             FROM "found" ${summary.joins('"found"."id"')}`,
        ),
      };
    }
    return this.joined.statement;
  }
}
