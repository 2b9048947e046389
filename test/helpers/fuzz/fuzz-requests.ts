import fc from 'fast-check';
import { bodyFor, type FuzzBody } from 'test/helpers/fuzz/fuzz-bodies';
import { pathSegment, queryString } from 'test/helpers/fuzz/fuzz-encoding';
import type { FuzzOperation } from 'test/helpers/fuzz/fuzz-operations';
import { declaredFields, pairsFor, stringFor, stringValues } from 'test/helpers/fuzz/fuzz-values';
import { CALLER_KINDS, type CallerKind, type FuzzWorld } from 'test/helpers/fuzz/fuzz-world';
import { hostileString } from 'test/helpers/fuzz/hostile-values';

/** One generated request: who calls, the URL (path and query), the body. */
export interface FuzzRequest {
  caller: CallerKind;
  url: string;
  body: FuzzBody;
}

/** Query names tried on every operation besides the declared ones (pagination, filters). */
const COMMON_QUERY_NAMES = ['page', 'per_page', 'sport_id', 'order', 'order_by', 'q', 'title'];

/** Requests for one operation: every path parameter, declared and usual query keys, a body. */
export function fuzzRequests(
  world: FuzzWorld,
  operation: FuzzOperation,
): fc.Arbitrary<FuzzRequest> {
  const segments = operation.pathParams.map((name) => pathSegment(stringFor(world, name)));
  const declared = operation.queryParams;
  const pairs =
    declared.length === 0
      ? pairsFor(world, COMMON_QUERY_NAMES)
      : fc.oneof(
          { weight: 3, arbitrary: declaredFields(declared, stringValues(world), hostileString) },
          { weight: 1, arbitrary: pairsFor(world, declared) },
        );
  const query = queryString(pairs);
  return fc
    .record({
      caller: fc.constantFrom(...CALLER_KINDS),
      values: fc.tuple(...segments),
      query: fc.option(query, { freq: 2, nil: undefined }),
      body: bodyFor(world, operation),
    })
    .map(({ caller, values, query: search, body }) => {
      let path = operation.path;
      operation.pathParams.forEach((name, index) => {
        path = path.replace(`{${name}}`, values[index] ?? '');
      });
      return { caller, url: search === undefined ? path : `${path}?${search}`, body };
    });
}
