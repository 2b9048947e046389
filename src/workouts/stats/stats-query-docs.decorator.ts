import { type QueryDocs, queryDocs } from 'src/workouts/workouts-query-docs.decorator';

const PERIOD: QueryDocs = {
  from: ['string', 'First day, `YYYY-MM-DD` in the user’s time zone.'],
  to: ['string', 'Last day, `YYYY-MM-DD` in the user’s time zone.'],
  sport_id: ['integer', 'Only this sport.'],
};

/** The query of FitTrackee `GET /api/stats/<username>/by_time`. */
export const ApiStatsByTimeQuery = (): MethodDecorator =>
  queryDocs({ ...PERIOD, time: ['string', '`week`, `weekm`, `month` or `year` (default).'] });

/** The query of FitTrackee `GET /api/stats/<username>/by_sport`. */
export const ApiStatsBySportQuery = (): MethodDecorator => queryDocs(PERIOD);
