import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Adds signed per-workout deltas to the (user, sport) rows: a workout that arrives brings +1
 * and its figures, one that leaves −1 and its negated figures (arrays in parallel). Numeric arithmetic
 * is exact, so the rows always equal `sum(ascent)`, `sum(distance)` and
 * `sum(extract(epoch FROM duration))` over the workouts, to the last digit.
 *
 * Rows are upserted in (user, sport) order, so two writers touching the same rows lock them
 * in the same order and cannot deadlock. A group that only loses workouts updates an existing
 * row and never creates one: when the user is being deleted, the cascade may already have
 * removed the row, and nothing is left to keep. A row whose count reaches zero is deleted, so
 * the sports list only names sports the user has workouts in.
 */
const ADD_FUNCTION = `
  CREATE FUNCTION pk_user_sport_totals_add(user_ids integer[], sport_ids integer[],
    signs integer[], ascents numeric[], distances numeric[], seconds numeric[])
  RETURNS void LANGUAGE plpgsql AS $$
  DECLARE
    emptied boolean;
  BEGIN
    WITH delta AS (
      SELECT c.user_id, c.sport_id, sum(c.sign)::int AS nb_workouts,
        coalesce(sum(c.ascent), 0) AS total_ascent,
        coalesce(sum(c.distance), 0) AS total_distance,
        coalesce(sum(c.seconds), 0) AS total_duration
      FROM unnest(user_ids, sport_ids, signs, ascents, distances, seconds)
        AS c (user_id, sport_id, sign, ascent, distance, seconds)
      GROUP BY c.user_id, c.sport_id),
    upserted AS (
      INSERT INTO user_sport_totals AS t
        (user_id, sport_id, nb_workouts, total_ascent, total_distance, total_duration)
      SELECT d.user_id, d.sport_id, d.nb_workouts, d.total_ascent, d.total_distance,
        d.total_duration
      FROM delta d
      WHERE (d.nb_workouts, d.total_ascent, d.total_distance, d.total_duration)
          IS DISTINCT FROM (0, 0, 0, 0)
        AND (d.nb_workouts > 0 OR EXISTS (
          SELECT 1 FROM user_sport_totals e
          WHERE e.user_id = d.user_id AND e.sport_id = d.sport_id))
      ORDER BY d.user_id, d.sport_id
      ON CONFLICT (user_id, sport_id) DO UPDATE SET
        nb_workouts = t.nb_workouts + EXCLUDED.nb_workouts,
        total_ascent = t.total_ascent + EXCLUDED.total_ascent,
        total_distance = t.total_distance + EXCLUDED.total_distance,
        total_duration = t.total_duration + EXCLUDED.total_duration
      RETURNING t.nb_workouts)
    SELECT coalesce(bool_or(nb_workouts = 0), false) INTO emptied FROM upserted;
    IF emptied THEN
      DELETE FROM user_sport_totals t
      USING unnest(user_ids, sport_ids) AS c (user_id, sport_id)
      WHERE t.user_id = c.user_id AND t.sport_id = c.sport_id AND t.nb_workouts = 0;
    END IF;
  END $$`;

/**
 * Statement-level: one call per statement, whatever the number of rows. An update only counts
 * when a column the totals read changed (a new title, map or weather costs nothing). Durations
 * are compared by their epoch, the figure that is summed ('1 mon' and '30 days' are equal
 * intervals with different epochs).
 */
const TRIGGER_FUNCTION = `
  CREATE FUNCTION pk_user_sport_totals_on_change() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    user_ids integer[];
    sport_ids integer[];
    signs integer[];
    ascents numeric[];
    distances numeric[];
    seconds numeric[];
  BEGIN
    IF TG_OP = 'INSERT' THEN
      SELECT array_agg(user_id), array_agg(sport_id), array_agg(1), array_agg(ascent),
        array_agg(distance), array_agg(extract(epoch FROM duration))
      INTO user_ids, sport_ids, signs, ascents, distances, seconds FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
      SELECT array_agg(user_id), array_agg(sport_id), array_agg(-1), array_agg(-ascent),
        array_agg(-distance), array_agg(-extract(epoch FROM duration))
      INTO user_ids, sport_ids, signs, ascents, distances, seconds FROM old_rows;
    ELSE
      SELECT array_agg(c.user_id), array_agg(c.sport_id), array_agg(c.sign),
        array_agg(c.ascent), array_agg(c.distance), array_agg(c.seconds)
      INTO user_ids, sport_ids, signs, ascents, distances, seconds
      FROM old_rows o JOIN new_rows n ON n.id = o.id
      CROSS JOIN LATERAL (VALUES
          (o.user_id, o.sport_id, -1, -o.ascent, -o.distance, -extract(epoch FROM o.duration)),
          (n.user_id, n.sport_id, 1, n.ascent, n.distance, extract(epoch FROM n.duration)))
        AS c (user_id, sport_id, sign, ascent, distance, seconds)
      WHERE (o.user_id, o.sport_id, o.ascent, o.distance, extract(epoch FROM o.duration))
        IS DISTINCT FROM
        (n.user_id, n.sport_id, n.ascent, n.distance, extract(epoch FROM n.duration));
    END IF;
    IF user_ids IS NOT NULL THEN
      PERFORM pk_user_sport_totals_add(user_ids, sport_ids, signs, ascents, distances, seconds);
    END IF;
    RETURN NULL;
  END $$`;

/**
 * `user_sport_totals`: the workout count and the sums of ascent, distance and duration of every
 * (user, sport) with workouts, kept by triggers on `workouts` in the writing transaction. The
 * user serialization (FitTrackee `GET /api/auth/profile`: `nb_workouts`, `nb_sports`,
 * `sports_list`, `total_*`) reads a user's few rows instead of aggregating every workout.
 */
export class UserSportTotals1797500000000 implements MigrationInterface {
  name = 'UserSportTotals1797500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "user_sport_totals" (
        "user_id" integer NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
        "sport_id" integer NOT NULL REFERENCES "sports" ("id"),
        "nb_workouts" integer NOT NULL,
        "total_ascent" numeric NOT NULL,
        "total_distance" numeric NOT NULL,
        "total_duration" numeric NOT NULL,
        PRIMARY KEY ("user_id", "sport_id")
      )`);
    await queryRunner.query(ADD_FUNCTION);
    await queryRunner.query(TRIGGER_FUNCTION);
    // The triggers come first: creating them locks out writers until this transaction
    // commits, so the backfill below sees every workout and misses none.
    await queryRunner.query(`
      CREATE TRIGGER "user_sport_totals_insert" AFTER INSERT ON "workouts"
      REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION pk_user_sport_totals_on_change()`);
    await queryRunner.query(`
      CREATE TRIGGER "user_sport_totals_update" AFTER UPDATE ON "workouts"
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION pk_user_sport_totals_on_change()`);
    await queryRunner.query(`
      CREATE TRIGGER "user_sport_totals_delete" AFTER DELETE ON "workouts"
      REFERENCING OLD TABLE AS old_rows
      FOR EACH STATEMENT EXECUTE FUNCTION pk_user_sport_totals_on_change()`);
    await queryRunner.query(`
      CREATE FUNCTION pk_user_sport_totals_on_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM user_sport_totals;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "user_sport_totals_truncate" AFTER TRUNCATE ON "workouts"
      FOR EACH STATEMENT EXECUTE FUNCTION pk_user_sport_totals_on_truncate()`);
    await queryRunner.query(`
      INSERT INTO user_sport_totals
        (user_id, sport_id, nb_workouts, total_ascent, total_distance, total_duration)
      SELECT user_id, sport_id, count(*), coalesce(sum(ascent), 0), coalesce(sum(distance), 0),
        coalesce(sum(extract(epoch FROM duration)), 0)
      FROM workouts GROUP BY user_id, sport_id`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "user_sport_totals_truncate" ON "workouts"`);
    await queryRunner.query(`DROP TRIGGER "user_sport_totals_delete" ON "workouts"`);
    await queryRunner.query(`DROP TRIGGER "user_sport_totals_update" ON "workouts"`);
    await queryRunner.query(`DROP TRIGGER "user_sport_totals_insert" ON "workouts"`);
    await queryRunner.query(`DROP FUNCTION pk_user_sport_totals_on_truncate()`);
    await queryRunner.query(`DROP FUNCTION pk_user_sport_totals_on_change()`);
    await queryRunner.query(
      `DROP FUNCTION pk_user_sport_totals_add(integer[], integer[], integer[], numeric[], numeric[], numeric[])`,
    );
    await queryRunner.query(`DROP TABLE "user_sport_totals"`);
  }
}
