import { PrincipalStatement } from 'src/auth/principal-statement';
import type { CallerRead } from 'src/database/caller-read';
import { type Statement, StatementCache } from 'src/database/prepared-queries';
import { SqlParams } from 'src/database/sql-params';

/** The column of a batch's rows holding the position (from 1) of the lookup a row answers. */
export const LOOKUP_POSITION = 'pk_lookup';

/**
 * Many lookups of one authentication query in a single statement: each of the query's values
 * travels as an array (`$1` the first values of all lookups, `$2` the second…), the arrays are
 * read row by row with their position, and the query runs once per row (LATERAL), exactly as it
 * runs alone, its values now being that row's columns. A row of the result carries the position
 * of the lookup it answers (LOOKUP_POSITION); a lookup that finds nothing has no row.
 *
 * Only a read that adds no value of its own can join a batch: the others have values that
 * differ per request, and are looked up alone.
 */
export class PrincipalBatchStatement {
  private readonly perKey: PrincipalStatement;
  private readonly keys: string;
  private readonly byRead = new WeakMap<CallerRead<unknown>, Statement | null>();
  /** By text: a read made for each request still finds its statement already built. */
  private readonly statements = new StatementCache();
  readonly alone: Statement;

  /**
   * `ctes(values)` is the authentication query's WITH clause (PrincipalStatement) with its
   * values as the SQL expressions given; `types`, the array type of each value, in order.
   */
  constructor(
    ctes: (values: readonly string[]) => string,
    columns: string,
    types: readonly string[],
  ) {
    const names = types.map((_, index) => `"pk_keys"."v${index + 1}"`);
    this.perKey = new PrincipalStatement(ctes(names), columns);
    const arrays = types.map((type, index) => `$${index + 1}::${type}`).join(', ');
    const columnNames = types.map((_, index) => `v${index + 1}`).join(', ');
    this.keys = `unnest(${arrays}) WITH ORDINALITY AS "pk_keys"(${columnNames}, "n")`;
    this.alone = this.batched(this.perKey.alone.text);
  }

  /** The statement of a batch reading `read`, or null when the read adds values of its own. */
  reading(read: CallerRead<unknown> | undefined): Statement | null {
    if (read === undefined) return this.alone;
    const known = this.byRead.get(read);
    if (known !== undefined) return known;
    const params = new SqlParams();
    const text = this.perKey.reading(read, params).text;
    const found = params.values.length === 0 ? this.batched(text) : null;
    this.byRead.set(read, found);
    return found;
  }

  private batched(perKey: string): Statement {
    return this.statements.get(
      `SELECT "pk_keys"."n"::int AS "${LOOKUP_POSITION}", "pk_row".*
         FROM ${this.keys} CROSS JOIN LATERAL (${perKey}) "pk_row"`,
    );
  }
}
