import { LOOKUP_POSITION } from 'src/auth/principal-batch-statement';
import { PrincipalLookup } from 'src/auth/principal-lookup';
import type { CallerRead } from 'src/database/caller-read';
import type { PreparedQueries, Statement } from 'src/database/prepared-queries';

interface Sent {
  text: string;
  values: readonly unknown[];
}

/** PreparedQueries answering with `answer(sent)` and recording what was sent. */
function fakeQueries(answer: (sent: Sent) => Record<string, unknown>[]): {
  queries: PreparedQueries;
  sent: Sent[];
} {
  const sent: Sent[] = [];
  const queries = {
    rows: (query: Statement, values: readonly unknown[]) => {
      const call = { text: query.text, values };
      sent.push(call);
      return Promise.resolve(answer(call));
    },
  } as unknown as PreparedQueries;
  return { queries, sent };
}

const ctes = ([id, name]: readonly string[]): string =>
  `WITH "found" AS (SELECT u.id AS pk_id FROM "users" u WHERE u.id = ${id} AND u.name = ${name})`;

const withValue: CallerRead<unknown> = {
  joins: (_, params) => `CROSS JOIN (SELECT ${params.add(5)} AS n) s`,
  columns: 's.n AS pk_n',
  read: () => null,
};

describe('PrincipalLookup', () => {
  it('sends a lookup alone in its turn with its own values and statement', async () => {
    const { queries, sent } = fakeQueries(() => [{ pk_id: 7 }]);
    const lookup = new PrincipalLookup(queries, ctes, '"found".pk_id', ['int8', 'text'] as const);
    expect(await lookup.find([7, 'ann'], undefined)).toEqual({ pk_id: 7 });
    expect(sent).toEqual([
      {
        text: `${ctes(['$1::int8', '$2::text'])} SELECT "found".pk_id FROM "found"`,
        values: [7, 'ann'],
      },
    ]);
  });

  it('sends one array per value, and gives each lookup the row of its own position', async () => {
    // Rows out of order, one lookup without a row, one position answered twice.
    const { queries, sent } = fakeQueries(() => [
      { [LOOKUP_POSITION]: 3, pk_id: 30 },
      { [LOOKUP_POSITION]: 1, pk_id: 10 },
      { [LOOKUP_POSITION]: 3, pk_id: 31 },
    ]);
    const lookup = new PrincipalLookup(queries, ctes, '"found".pk_id', ['int8', 'text'] as const);
    const found = await Promise.all([
      lookup.find([1, 'a'], undefined),
      lookup.find([2, 'b'], undefined),
      lookup.find([3, 'c'], undefined),
    ]);
    expect(found.map((row) => row?.['pk_id'])).toEqual([10, undefined, 30]);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.values).toEqual([
      [1, 2, 3],
      ['a', 'b', 'c'],
    ]);
    expect(sent[0]?.text).toContain('unnest($1::int8[], $2::text[]) WITH ORDINALITY');
  });

  it('looks up alone each lookup whose read adds values', async () => {
    const { queries, sent } = fakeQueries((call) => [{ pk_id: call.values[0] }]);
    const lookup = new PrincipalLookup(queries, ctes, '"found".pk_id', ['int8', 'text'] as const);
    const found = await Promise.all([
      lookup.find([1, 'a'], withValue),
      lookup.find([2, 'b'], withValue),
    ]);
    expect(found.map((row) => row?.['pk_id'])).toEqual([1, 2]);
    expect(sent.map((call) => call.values)).toEqual([
      [1, 'a', 5],
      [2, 'b', 5],
    ]);
  });
});
