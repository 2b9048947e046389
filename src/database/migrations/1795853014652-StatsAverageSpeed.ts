import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `pk_stats_average_speed(ave_speed ORDER BY workout_date)`: FitTrackee's statistics average
 * (FitTrackee `GET /api/stats/<username>/by_time`) is a running mean re-rounded with Python's
 * `round(x, 2)` after each workout: `avg_n = round((avg_{n-1} * (n-1) + speed_n) / n, 2)`, in double precision.
 *
 * The state keeps the mean in integer hundredths. The exact quotient decides the rounding,
 * except on an exact tie (x.xx5), where Python rounds the *double* quotient: that double is
 * recomputed with the same IEEE operations and compared exactly with the tie (half to even
 * when equal, e.g. 10.125 → 10.12). Null speeds (manual workouts of whole days) are skipped.
 */
export class StatsAverageSpeed1795853014652 implements MigrationInterface {
  name = 'StatsAverageSpeed1795853014652';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Sign of (200 * q - tie) for a positive double q, computed exactly from its IEEE bits.
    await queryRunner.query(`
      CREATE FUNCTION pk_compare_double_to_tie(q double precision, tie bigint) RETURNS integer
      LANGUAGE plpgsql IMMUTABLE STRICT AS $$
      DECLARE
        bits bigint := ('x' || encode(float8send(q), 'hex'))::bit(64)::bigint;
        exponent integer := ((bits >> 52) & 2047)::integer;
        mantissa numeric := (bits & 4503599627370495)::numeric;
        lhs numeric;
        rhs numeric := tie::numeric;
        shift integer;
      BEGIN
        IF exponent = 0 THEN exponent := 1; ELSE mantissa := mantissa + 4503599627370496; END IF;
        shift := exponent - 1075;
        lhs := mantissa * 200;
        WHILE shift > 0 LOOP
          lhs := lhs * (1::bigint << least(shift, 60))::numeric;
          shift := shift - least(shift, 60);
        END LOOP;
        WHILE shift < 0 LOOP
          rhs := rhs * (1::bigint << least(-shift, 60))::numeric;
          shift := shift + least(-shift, 60);
        END LOOP;
        RETURN sign(lhs - rhs)::integer;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION pk_stats_average_speed_step(state bigint[], speed numeric) RETURNS bigint[]
      LANGUAGE plpgsql IMMUTABLE AS $$
      DECLARE
        n bigint;
        total bigint;
        quotient bigint;
        remainder bigint;
        cents bigint;
        q double precision;
        side integer;
      BEGIN
        IF speed IS NULL THEN RETURN state; END IF;
        n := state[1] + 1;
        total := state[2] * (n - 1) + (speed * 100)::bigint;
        quotient := div(total, n);
        remainder := total - quotient * n;
        IF 2 * remainder < n THEN
          cents := quotient;
        ELSIF 2 * remainder > n THEN
          cents := quotient + 1;
        ELSE
          q := ((state[2]::double precision / 100) * (n - 1)
                + ((speed * 100)::bigint::double precision / 100)) / n;
          side := pk_compare_double_to_tie(q, 2 * quotient + 1);
          IF side > 0 OR (side = 0 AND quotient % 2 = 1) THEN
            cents := quotient + 1;
          ELSE
            cents := quotient;
          END IF;
        END IF;
        RETURN ARRAY[n, cents];
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION pk_stats_average_speed_final(state bigint[]) RETURNS numeric
      LANGUAGE sql IMMUTABLE AS $$ SELECT (state[2]::numeric / 100) $$`);
    await queryRunner.query(`
      CREATE AGGREGATE pk_stats_average_speed(numeric) (
        SFUNC = pk_stats_average_speed_step,
        STYPE = bigint[],
        FINALFUNC = pk_stats_average_speed_final,
        INITCOND = '{0,0}'
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP AGGREGATE pk_stats_average_speed(numeric)`);
    await queryRunner.query(`DROP FUNCTION pk_stats_average_speed_final(bigint[])`);
    await queryRunner.query(`DROP FUNCTION pk_stats_average_speed_step(bigint[], numeric)`);
    await queryRunner.query(`DROP FUNCTION pk_compare_double_to_tie(double precision, bigint)`);
  }
}
