/**
 * What a route reads about its caller, as SQL that the authentication query joins to the user
 * it finds: the route then costs one round trip in all, and is refused exactly as any other
 * route is (the same query decides who the caller is).
 */
export interface CallerRead<T> {
  /** FROM-clause items bringing in the read for `user`, the SQL alias of a `users` row. */
  joins(user: string): string;
  /** The select list of the read, its names apart from every column of `users`. */
  readonly columns: string;
  /** The value carried by a row selected with `columns`. */
  read(row: Record<string, unknown>): T;
}

/** The injection token under which a feature provides a `CallerRead<T>`. */
export type CallerReadToken<T> = symbol & { readonly read?: T };

export function callerReadToken<T>(description: string): CallerReadToken<T> {
  return Symbol(description);
}
