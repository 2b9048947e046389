import { LOOKUP_POSITION, PrincipalBatchStatement } from 'src/auth/principal-batch-statement';
import { PrincipalStatement } from 'src/auth/principal-statement';
import type { CallerRead } from 'src/database/caller-read';
import type { PreparedQueries, Statement } from 'src/database/prepared-queries';
import { SameTurnBatches } from 'src/database/same-turn-batches';
import { SqlParams } from 'src/database/sql-params';

/**
 * A statement runs on one PostgreSQL backend, one core, and the server waits for all of its
 * lookups at once: past a few lookups, splitting a turn's lookups over several statements lets
 * PostgreSQL's work overlap the server's and spread over cores. Measured at 16 connections
 * (`npm run bench:cpu`, two rounds): the profile of a user with 10,000 workouts, 3,500-3,760
 * req/s with 64 or 16 per statement, 3,990-4,230 with 8, 3,710-3,970 with 6 or 4; the profile
 * without workouts lost 2-5 % with 8.
 */
export const LOOKUPS_PER_STATEMENT = 8;

/** A row of an authentication query's result. */
export type PrincipalRow = Record<string, unknown>;

/** One SQL expression per value of a query whose values have the PostgreSQL types `T`. */
export type ValueExpressions<T extends readonly string[]> = { readonly [K in keyof T]: string };

/**
 * An authentication query without side effects (PrincipalStatement), whose lookups of one turn
 * of the event loop that read the same go together in one statement (PrincipalBatchStatement):
 * under load, the requests one poll of the sockets brings in then share the wake-up of one
 * PostgreSQL backend, which costs the server more CPU than all the rest of the query. Each
 * lookup is still answered by its own row, exactly as it would be alone; a lookup alone in its
 * turn, or with a read that adds values of its own, runs its own prepared statement.
 */
export class PrincipalLookup<T extends readonly string[]> {
  private readonly alone: PrincipalStatement;
  private readonly together: PrincipalBatchStatement;
  private readonly batches = new SameTurnBatches<
    CallerRead<unknown> | undefined,
    readonly unknown[],
    PrincipalRow | undefined
  >((read, lookups) => this.lookUpTogether(read, lookups), LOOKUPS_PER_STATEMENT);

  /**
   * `ctes(values)`: the query's WITH clause with its values as the SQL expressions given;
   * `types`: the PostgreSQL type of each value, in order. A value past its type's range
   * (an integer too large) would fail every lookup of its statement: choose types wide enough
   * for any value the caller may pass.
   */
  constructor(
    private readonly queries: PreparedQueries,
    ctes: (values: ValueExpressions<T>) => string,
    columns: string,
    types: T,
  ) {
    const placeholders = types.map((type, index) => `$${index + 1}::${type}`);
    this.alone = new PrincipalStatement(ctes(placeholders as ValueExpressions<T>), columns);
    this.together = new PrincipalBatchStatement(
      (expressions) => ctes(expressions as ValueExpressions<T>),
      columns,
      types.map((type) => `${type}[]`),
    );
  }

  /** The row found for `values` (one per type) with `read`; undefined when none is. */
  find(
    values: { readonly [K in keyof T]: unknown },
    read: CallerRead<unknown> | undefined,
  ): Promise<PrincipalRow | undefined> {
    const params = new SqlParams(values);
    const alone = this.alone.reading(read, params);
    // A read that added values of its own is looked up alone, with the statement just built.
    return params.values.length > values.length
      ? this.rowOf(alone, params.values)
      : this.batches.submit(read, values);
  }

  private lookUpAlone(
    values: readonly unknown[],
    read: CallerRead<unknown> | undefined,
  ): Promise<PrincipalRow | undefined> {
    const params = new SqlParams(values);
    return this.rowOf(this.alone.reading(read, params), params.values);
  }

  private async rowOf(
    query: Statement,
    values: readonly unknown[],
  ): Promise<PrincipalRow | undefined> {
    const [row] = await this.queries.rows<PrincipalRow>(query, values);
    return row;
  }

  private async lookUpTogether(
    read: CallerRead<unknown> | undefined,
    lookups: readonly (readonly unknown[])[],
  ): Promise<(PrincipalRow | undefined)[]> {
    const batch = this.together.reading(read);
    const [first] = lookups;
    if (lookups.length === 1 || batch === null || first === undefined)
      return Promise.all(lookups.map((values) => this.lookUpAlone(values, read)));
    // One array per value, element i of each from lookup i.
    const arrays = first.map((_, index) => lookups.map((values) => values[index]));
    const rows = await this.queries.rows<PrincipalRow>(batch, arrays);
    const found: (PrincipalRow | undefined)[] = lookups.map(() => undefined);
    for (const row of rows) {
      const position = Number(row[LOOKUP_POSITION]) - 1;
      if (found[position] === undefined) found[position] = row;
    }
    return found;
  }
}
