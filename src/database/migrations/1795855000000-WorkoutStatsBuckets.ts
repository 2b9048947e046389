import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The period buckets a workout date falls in, keyed as the statistics endpoint keys them. */
const BUCKETS_FUNCTION = `
  CREATE FUNCTION pk_stats_buckets(day timestamp)
  RETURNS TABLE (kind text, period text, starts timestamp, ends timestamp)
  LANGUAGE sql STABLE AS $$
    SELECT 'year', to_char(day, 'YYYY'), date_trunc('year', day),
           date_trunc('year', day) + interval '1 year'
    UNION ALL
    SELECT 'month', to_char(day, 'YYYY-MM'), date_trunc('month', day),
           date_trunc('month', day) + interval '1 month'
    UNION ALL
    SELECT 'week', to_char(sunday, 'YYYY-MM-DD'), sunday, sunday + interval '7 days'
    FROM (SELECT (day::date - extract(dow FROM day)::int)::timestamp AS sunday) AS s
    UNION ALL
    SELECT 'weekm', to_char(monday, 'YYYY-MM-DD'), monday, monday + interval '7 days'
    FROM (SELECT (day::date - (extract(isodow FROM day)::int - 1))::timestamp AS monday) AS m
  $$`;

/**
 * Recomputes the buckets touched by the given (user, sport, date) triples from the workouts
 * themselves, with the same aggregates as the live statistics query. Each bucket is
 * aggregated through its own index range (LATERAL), so one write costs four small scans and a
 * bulk insert stays linear. The advisory lock (one per user) serializes concurrent rebuilds
 * of one user's buckets; in READ COMMITTED the statement after it takes a fresh snapshot, so
 * it sees every workout committed by the writer it waited for.
 */
const REBUILD_FUNCTION = `
  CREATE FUNCTION pk_workout_stats_rebuild(user_ids integer[], sport_ids integer[], days timestamp[])
  RETURNS void LANGUAGE plpgsql AS $$
  BEGIN
    PERFORM pg_advisory_xact_lock('workout_stats'::regclass::oid::integer, id)
    FROM (SELECT DISTINCT unnest(user_ids) AS id ORDER BY 1) AS users_to_lock;
    WITH fresh AS (
      SELECT k.user_id, k.sport_id, k.kind, k.period, a.*
      FROM (SELECT DISTINCT c.user_id, c.sport_id, b.kind, b.period, b.starts, b.ends
            FROM unnest(user_ids, sport_ids, days) AS c (user_id, sport_id, day)
            CROSS JOIN LATERAL pk_stats_buckets(c.day) AS b) AS k
      CROSS JOIN LATERAL (
        SELECT count(*)::int AS nb_workouts,
          pk_stats_average_speed(w.ave_speed ORDER BY w.workout_date, w.id) AS average_speed,
          coalesce(sum(w.distance::float8 ORDER BY w.workout_date, w.id), 0) AS total_distance,
          coalesce(sum(floor(extract(epoch FROM w.moving))), 0)::bigint AS total_duration,
          coalesce(sum(w.ascent::float8 ORDER BY w.workout_date, w.id)
            FILTER (WHERE w.ascent <> 0), 0) AS total_ascent,
          coalesce(sum(w.descent::float8 ORDER BY w.workout_date, w.id)
            FILTER (WHERE w.descent <> 0), 0) AS total_descent
        FROM workouts w
        WHERE w.user_id = k.user_id AND w.sport_id = k.sport_id
          AND w.workout_date >= k.starts AND w.workout_date < k.ends) AS a),
    emptied AS (
      DELETE FROM workout_stats s USING fresh f
      WHERE f.nb_workouts = 0 AND s.user_id = f.user_id AND s.sport_id = f.sport_id
        AND s.period_kind = f.kind AND s.period = f.period)
    INSERT INTO workout_stats (user_id, sport_id, period_kind, period, nb_workouts,
      average_speed, total_distance, total_duration, total_ascent, total_descent)
    SELECT * FROM fresh WHERE nb_workouts > 0
    ON CONFLICT (user_id, period_kind, period, sport_id) DO UPDATE SET
      nb_workouts = EXCLUDED.nb_workouts, average_speed = EXCLUDED.average_speed,
      total_distance = EXCLUDED.total_distance, total_duration = EXCLUDED.total_duration,
      total_ascent = EXCLUDED.total_ascent, total_descent = EXCLUDED.total_descent;
  END $$`;

/**
 * Statement-level: one rebuild per statement, whatever the number of rows. An update only
 * counts when a column the statistics read changed (a new title or map costs nothing).
 */
const TRIGGER_FUNCTION = `
  CREATE FUNCTION pk_workout_stats_on_change() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    user_ids integer[];
    sport_ids integer[];
    days timestamp[];
  BEGIN
    IF TG_OP = 'INSERT' THEN
      SELECT array_agg(user_id), array_agg(sport_id), array_agg(workout_date)
      INTO user_ids, sport_ids, days FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
      SELECT array_agg(user_id), array_agg(sport_id), array_agg(workout_date)
      INTO user_ids, sport_ids, days FROM old_rows;
    ELSE
      SELECT array_agg(c.user_id), array_agg(c.sport_id), array_agg(c.workout_date)
      INTO user_ids, sport_ids, days
      FROM old_rows o JOIN new_rows n ON n.id = o.id
      CROSS JOIN LATERAL (VALUES (o.user_id, o.sport_id, o.workout_date),
                                 (n.user_id, n.sport_id, n.workout_date))
        AS c (user_id, sport_id, workout_date)
      WHERE (o.user_id, o.sport_id, o.workout_date, o.ave_speed, o.distance, o.moving,
             o.ascent, o.descent)
        IS DISTINCT FROM (n.user_id, n.sport_id, n.workout_date, n.ave_speed, n.distance,
                          n.moving, n.ascent, n.descent);
    END IF;
    IF user_ids IS NOT NULL THEN
      PERFORM pk_workout_stats_rebuild(user_ids, sport_ids, days);
    END IF;
    RETURN NULL;
  END $$`;

/**
 * `workout_stats`: the statistics of every (user, sport, period) bucket for the four `time`
 * values of `GET /api/stats/<username>/by_time` (as in FitTrackee), kept by triggers on
 * `workouts` in the writing transaction. The reference's average speed is a running mean
 * re-rounded after each workout, so it cannot be derived from sums: each touched bucket is
 * recomputed whole, in workout date order, by the same aggregates as the live query.
 */
export class WorkoutStatsBuckets1795855000000 implements MigrationInterface {
  name = 'WorkoutStatsBuckets1795855000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "workout_stats" (
        "user_id" integer NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
        "sport_id" integer NOT NULL REFERENCES "sports" ("id"),
        "period_kind" varchar(5) NOT NULL CHECK ("period_kind" IN ('year', 'month', 'week', 'weekm')),
        "period" varchar(10) NOT NULL,
        "nb_workouts" integer NOT NULL,
        "average_speed" numeric NOT NULL,
        "total_distance" double precision NOT NULL,
        "total_duration" bigint NOT NULL,
        "total_ascent" double precision NOT NULL,
        "total_descent" double precision NOT NULL,
        PRIMARY KEY ("user_id", "period_kind", "period", "sport_id")
      )`);
    await queryRunner.query(BUCKETS_FUNCTION);
    await queryRunner.query(REBUILD_FUNCTION);
    await queryRunner.query(TRIGGER_FUNCTION);
    await queryRunner.query(`
      CREATE TRIGGER "workout_stats_insert" AFTER INSERT ON "workouts"
      REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION pk_workout_stats_on_change()`);
    await queryRunner.query(`
      CREATE TRIGGER "workout_stats_update" AFTER UPDATE ON "workouts"
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION pk_workout_stats_on_change()`);
    await queryRunner.query(`
      CREATE TRIGGER "workout_stats_delete" AFTER DELETE ON "workouts"
      REFERENCING OLD TABLE AS old_rows
      FOR EACH STATEMENT EXECUTE FUNCTION pk_workout_stats_on_change()`);
    await queryRunner.query(`
      CREATE FUNCTION pk_workout_stats_on_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM workout_stats;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "workout_stats_truncate" AFTER TRUNCATE ON "workouts"
      FOR EACH STATEMENT EXECUTE FUNCTION pk_workout_stats_on_truncate()`);
    await queryRunner.query(`
      SELECT pk_workout_stats_rebuild(array_agg(user_id), array_agg(sport_id), array_agg(workout_date))
      FROM workouts HAVING count(*) > 0`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "workout_stats_truncate" ON "workouts"`);
    await queryRunner.query(`DROP TRIGGER "workout_stats_delete" ON "workouts"`);
    await queryRunner.query(`DROP TRIGGER "workout_stats_update" ON "workouts"`);
    await queryRunner.query(`DROP TRIGGER "workout_stats_insert" ON "workouts"`);
    await queryRunner.query(`DROP FUNCTION pk_workout_stats_on_truncate()`);
    await queryRunner.query(`DROP FUNCTION pk_workout_stats_on_change()`);
    await queryRunner.query(
      `DROP FUNCTION pk_workout_stats_rebuild(integer[], integer[], timestamp[])`,
    );
    await queryRunner.query(`DROP FUNCTION pk_stats_buckets(timestamp)`);
    await queryRunner.query(`DROP TABLE "workout_stats"`);
  }
}
