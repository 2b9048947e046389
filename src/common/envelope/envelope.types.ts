/** Flask-SQLAlchemy pagination object (docs/compatibility.md#pagination). */
export interface Pagination {
  has_next: boolean;
  has_prev: boolean;
  page: number;
  pages: number;
  total: number;
}

/** A handler result rendered as `{status, data, pagination}`. */
export class PaginatedResult<T> {
  constructor(
    readonly data: T,
    readonly pagination: Pagination,
  ) {}
}

/**
 * A handler result whose keys sit beside `status` instead of under `data`, e.g.
 * `{"status":"success","message":"pong!"}` or login's `auth_token`
 * (docs/compatibility.md#envelope).
 */
export class TopLevelResult {
  constructor(readonly fields: Readonly<Record<string, unknown>>) {}
}

export function paginated<T>(data: T, pagination: Pagination): PaginatedResult<T> {
  return new PaginatedResult(data, pagination);
}

export function topLevel(fields: Readonly<Record<string, unknown>>): TopLevelResult {
  return new TopLevelResult(fields);
}

/**
 * `pages` is 0 when `total` is 0; `has_prev` is `page > 1` even past the end
 * (docs/compatibility.md#pagination).
 */
export function buildPagination(page: number, perPage: number, total: number): Pagination {
  const pages = total === 0 ? 0 : Math.ceil(total / perPage);
  return { has_next: page < pages, has_prev: page > 1, page, pages, total };
}
