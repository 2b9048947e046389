import fc from 'fast-check';
import { SqlParams } from 'src/database/sql-params';
import { unpackBuckets } from 'src/workouts/stats/stats.repository';
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
    expect(read?.read({ pk_caller_stats: null })).toEqual([]);
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

describe('unpackBuckets', () => {
  it('reads back the packed rows, numbers as the text protocol gives them', () => {
    expect(
      unpackBuckets('2024,1,3,12.345678901234,30.25,5400,10,9.5;2024-05-06,2,1,8,1e+21,60,0,0.1'),
    ).toEqual([
      {
        period: '2024',
        sport_id: 1,
        nb_workouts: 3,
        average_speed: '12.345678901234',
        total_distance: 30.25,
        total_duration: '5400',
        total_ascent: 10,
        total_descent: 9.5,
      },
      {
        period: '2024-05-06',
        sport_id: 2,
        nb_workouts: 1,
        average_speed: '8',
        total_distance: 1e21,
        total_duration: '60',
        total_ascent: 0,
        total_descent: 0.1,
      },
    ]);
  });

  it('reads back any packed rows, in order', () => {
    const period = fc.oneof(
      fc.integer({ min: 1900, max: 2100 }).map(String),
      fc.date({ noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
    );
    const decimal = fc.double({ noNaN: true, noDefaultInfinity: true }).map(String);
    const row = fc.record({
      period,
      sport_id: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
      nb_workouts: fc.nat(),
      average_speed: decimal,
      total_distance: fc.double({ noNaN: true, noDefaultInfinity: true }),
      total_duration: decimal,
      total_ascent: fc.double({ noNaN: true, noDefaultInfinity: true }),
      total_descent: fc.double({ noNaN: true, noDefaultInfinity: true }),
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 40 }), (rows) => {
        const packed = rows
          .map((r) =>
            [
              r.period,
              r.sport_id,
              r.nb_workouts,
              r.average_speed,
              r.total_distance,
              r.total_duration,
              r.total_ascent,
              r.total_descent,
            ].join(','),
          )
          .join(';');
        // -0 prints as 0: what the text protocol would give back too.
        expect(unpackBuckets(packed)).toEqual(
          rows.map((r) => ({
            ...r,
            total_distance: r.total_distance + 0,
            total_ascent: r.total_ascent + 0,
            total_descent: r.total_descent + 0,
          })),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('reads no rows from null (no bucket)', () => {
    expect(unpackBuckets(null)).toEqual([]);
  });
});
