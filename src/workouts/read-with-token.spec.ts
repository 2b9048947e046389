import { SqlParams } from 'src/database/sql-params';
import { WORKOUT_JOINED, WORKOUTS_PAGE_JOINED } from 'src/workouts/read-with-token';
import { encodeShortId } from 'src/workouts/short-id';

const bind = (query: Record<string, unknown>) =>
  WORKOUTS_PAGE_JOINED.forRequest({ params: {}, query });

describe('WORKOUTS_PAGE_JOINED', () => {
  it('reads the page with the token, with the filters it was read with', () => {
    const read = bind({ per_page: '3', page: '2', sport_id: '1' });
    expect(read).toBeDefined();
    const params = new SqlParams([7, 'digest']);
    const joins = read?.joins('"found"', params) ?? '';
    expect(joins).toContain('w.user_id = "found"."id"');
    expect(params.values.slice(0, 2)).toEqual([7, 'digest']);
    expect(params.values).toContain(3);
    const value = read?.read({ pk_caller_page_rows: [], pk_caller_page_total: 4 });
    expect(value).toMatchObject({ rows: [], total: 4, filters: { page: 2, perPage: 3 } });
  });

  it("leaves days, read in the caller's time zone, to the route", () => {
    expect(bind({ from: '2024-01-01' })).toBeUndefined();
    expect(bind({ to: '2024-01-01' })).toBeUndefined();
    // Empty, they are absent (Flask's args.get).
    expect(bind({ from: '' })).toBeDefined();
  });

  it('leaves parameters that do not parse to the route, which refuses them', () => {
    expect(bind({ page: 'abc' })).toBeUndefined();
    expect(bind({ order_by: 'title' })).toBeUndefined();
    expect(bind({ title: 'x'.repeat(300) })).toBeUndefined();
  });
});

describe('WORKOUT_JOINED', () => {
  const uuid = '3f0c6d1e-5b7a-4c2e-9d8f-0a1b2c3d4e5f';

  it('reads the workout the id names, its uuid a value of the statement', () => {
    const read = WORKOUT_JOINED.forRequest({
      params: { workout_id: encodeShortId(uuid) },
      query: {},
    });
    const params = new SqlParams([7, 'digest']);
    expect(read?.joins('"found"', params)).toContain('w.uuid = $3');
    expect(params.values).toEqual([7, 'digest', uuid]);
    expect(read?.read({ pk_caller_workout: null })).toBeNull();
  });

  it('reads null, joining nothing, for an id that names no uuid: the route answers 404', () => {
    for (const params of [{ workout_id: 'not-an-id' }, {}]) {
      const read = WORKOUT_JOINED.forRequest({ params, query: {} });
      const values = new SqlParams([7]);
      expect(read?.joins('"found"', values)).toBe('');
      expect(values.values).toEqual([7]);
      expect(read?.read({ pk_caller_workout: null })).toBeNull();
    }
  });
});
