import { AppError } from 'src/common/errors/app-error';
import { parseWorkoutFilters } from 'src/workouts/list-workouts.query';

describe('GET /api/workouts parameters (as in FitTrackee)', () => {
  it('has the reference defaults', () => {
    expect(parseWorkoutFilters({}, 'Europe/Paris')).toEqual({
      page: 1,
      perPage: 5,
      distance: {},
      duration: {},
      aveSpeed: {},
      maxSpeed: {},
      isAscending: false,
      orderColumn: 'workout_date',
    });
  });

  it('converts from/to days in the user zone and keeps naive midnights for neighbours', () => {
    const filters = parseWorkoutFilters({ from: '2018-01-01', to: '2018-01-31' }, 'Europe/Paris');
    expect(filters.from).toBe('2017-12-31 23:00:00');
    expect(filters.toExclusive).toBe('2018-01-31 23:00:00');
    expect(filters.fromMidnight).toBe('2018-01-01 00:00:00');
    expect(filters.toMidnight).toBe('2018-01-31 00:00:00');
  });

  it('reads ranges, durations as H:MM and sorts duration by moving', () => {
    const filters = parseWorkoutFilters(
      {
        duration_from: '1:30',
        duration_to: '2:00:59',
        distance_from: '1e1',
        order_by: 'duration',
        order: 'asc',
      },
      null,
    );
    expect(filters.duration).toEqual({ from: 5400, to: 7200 });
    expect(filters.distance).toEqual({ from: 10 });
    expect(filters.orderColumn).toBe('moving');
    expect(filters.isAscending).toBe(true);
  });

  it('caps per_page at 100 and replaces values below 1 by 20', () => {
    expect(parseWorkoutFilters({ per_page: '500' }, null).perPage).toBe(100);
    expect(parseWorkoutFilters({ per_page: '0' }, null).perPage).toBe(20);
    expect(parseWorkoutFilters({ page: '-2' }, null).page).toBe(1);
  });

  it('takes the first of repeated parameters', () => {
    expect(parseWorkoutFilters({ page: ['3', '4'] }, null).page).toBe(3);
  });

  it.each([
    { page: 'A' },
    { from: '2018-02-30' },
    { distance_to: 'inf' },
    { order_by: 'id' },
    { duration_from: '90' },
  ])('refuses %p with a 400', (query) => {
    expect(() => parseWorkoutFilters(query, null)).toThrow(AppError);
  });
});
