/**
 * The rows of an `UPDATE … RETURNING`: TypeORM's PostgreSQL driver answers such a statement
 * with `[rows, affectedCount]` where a SELECT or INSERT answers with the rows.
 */
export function returnedRows<T>(result: unknown): T[] {
  if (!Array.isArray(result)) return [];
  const [first, second] = result as unknown[];
  if (result.length === 2 && Array.isArray(first) && typeof second === 'number')
    return first as T[];
  return result as T[];
}
