import type { SqlParams } from 'src/database/sql-params';

/**
 * What a route reads about its caller, as SQL that the authentication query joins to the user
 * it finds: the route then costs one round trip in all, and is refused exactly as any other
 * route is (the same query decides who the caller is).
 */
export interface CallerRead<T> {
  /**
   * FROM-clause items bringing in the read for `user`, the SQL alias of a `users` row; values
   * of the request go through `params`, numbered after the authentication query's own. The
   * text depends on nothing else: a read that adds no value is the same SQL every time.
   */
  joins(user: string, params: SqlParams): string;
  /** The select list of the read, its names apart from every column of `users`. */
  readonly columns: string;
  /** The value carried by a row selected with `columns`. */
  read(row: Record<string, unknown>): T;
}

/** The parts of a request a read can depend on: its path and query parameters. */
export interface CallerReadRequest {
  readonly params: Readonly<Record<string, unknown>>;
  readonly query: Readonly<Record<string, unknown>>;
}

/**
 * A read that depends on the request, bound to each one before authentication. Undefined when
 * the request's parameters do not make a read the route can use as it is (a malformed value,
 * one that needs the caller's own settings to interpret): the route then reads for itself, and
 * refuses what it refuses, after authentication as always.
 */
export interface RequestCallerRead<T> {
  forRequest(request: CallerReadRequest): CallerRead<T> | undefined;
}

/** What a module provides under a `CallerReadToken<T>`. */
export type CallerReadProvider<T> = CallerRead<T> | RequestCallerRead<T>;

/** The read of `request`, whichever kind of read the provider gives. */
export function boundRead<T>(
  provider: CallerReadProvider<T>,
  request: CallerReadRequest,
): CallerRead<T> | undefined {
  return 'forRequest' in provider ? provider.forRequest(request) : provider;
}

/** The injection token under which a feature provides a `CallerReadProvider<T>`. */
export type CallerReadToken<T> = symbol & { readonly read?: T };

export function callerReadToken<T>(description: string): CallerReadToken<T> {
  return Symbol(description);
}
