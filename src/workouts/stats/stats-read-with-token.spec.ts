import { SqlParams } from 'src/database/sql-params';
import { OWN_STATS_BY_TIME_JOINED } from 'src/workouts/stats/stats-read-with-token';

const bind = (
  query: Record<string, unknown>,
  params: Record<string, unknown> = { username: 'sam' },
) => OWN_STATS_BY_TIME_JOINED.forRequest({ params, query });

describe('OWN_STATS_BY_TIME_JOINED', () => {
  it("reads the caller's buckets of the period, only under the caller's name", () => {
    const read = bind({ time: 'month', sport_id: '2' });
    const params = new SqlParams([7, 'digest']);
    const joins = read?.joins('"found"', params) ?? '';
    expect(joins).toContain('s.user_id = "found"."id"');
    expect(joins).toMatch(/"found"\."username" = \$\d/);
    expect(params.values).toEqual([7, 'digest', 'sam', 'month', 2]);
    expect(read?.read({ pk_caller_stats: [] })).toEqual([]);
  });

  it('reads the yearly buckets when no period is given', () => {
    const params = new SqlParams();
    bind({})?.joins('"found"', params);
    expect(params.values).toContain('year');
  });

  it('leaves days, unknown periods and unparsable sports to the route', () => {
    expect(bind({ from: '2024-01-01' })).toBeUndefined();
    expect(bind({ to: '2024-01-01' })).toBeUndefined();
    expect(bind({ time: 'day' })).toBeUndefined();
    expect(bind({ time: '__proto__' })).toBeUndefined();
    expect(bind({ sport_id: 'one' })).toBeUndefined();
    expect(bind({}, {})).toBeUndefined();
  });
});
