/**
 * Collects positional parameters while a query is assembled, numbered after `values` already
 * taken by the statement's fixed part.
 */
export class SqlParams {
  readonly values: unknown[];

  constructor(values: readonly unknown[] = []) {
    this.values = [...values];
  }

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  /**
   * A parameter the planner does not see: a one-row sub-select is evaluated at execution, so a
   * plan made for the actual value costs exactly what the prepared statement's cached generic
   * plan costs, and PostgreSQL keeps the cached plan after its first five executions instead of
   * planning the statement again whenever the value's own estimate differs (PostgreSQL manual,
   * PREPARE, "plan_cache_mode"). Only for values whose estimates cannot improve the plan, such
   * as the owner of the rows (always one index range) or a page's bounds.
   */
  addUnplanned(value: unknown, type: 'int' | 'bigint' | 'varchar'): string {
    return `(SELECT ${this.add(value)}::${type})`;
  }
}
