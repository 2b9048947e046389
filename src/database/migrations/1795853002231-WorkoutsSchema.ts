import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Default sports, in FitTrackee's id order with their stopped-speed thresholds (FitTrackee
 * `GET /api/sports`).
 */
export const DEFAULT_SPORTS: readonly (readonly [number, string, number])[] = [
  [1, 'Cycling (Sport)', 1],
  [2, 'Cycling (Transport)', 1],
  [3, 'Hiking', 0.1],
  [4, 'Mountain Biking', 1],
  [5, 'Running', 1],
  [6, 'Walking', 0.1],
  [7, 'Mountain Biking (Electric)', 1],
  [8, 'Trail', 0.1],
  [9, 'Skiing (Alpine)', 1],
  [10, 'Skiing (Cross Country)', 0.1],
  [11, 'Rowing', 1],
  [12, 'Snowshoes', 0.1],
  [13, 'Cycling (Virtual)', 1],
  [14, 'Mountaineering', 0.1],
  [15, 'Paragliding', 0.1],
  [16, 'Open Water Swimming', 0.1],
  [17, 'Cycling (Trekking)', 1],
];

/**
 * Columns shared by workouts and segments, with the reference's numeric precision (FitTrackee
 * workout model).
 */
const FIGURES = `
  "duration" interval NOT NULL,
  "pauses" interval,
  "moving" interval,
  "distance" numeric(6,3),
  "min_alt" numeric(6,2),
  "max_alt" numeric(6,2),
  "descent" numeric(8,3),
  "ascent" numeric(8,3),
  "max_speed" numeric(6,2),
  "ave_speed" numeric(6,2)`;

/**
 * Sports, sport preferences, workouts, segments and records (FitTrackee workout model, FitTrackee
 * `GET /api/records`, `GET /api/sports`).
 */
export class WorkoutsSchema1795853002231 implements MigrationInterface {
  name = 'WorkoutsSchema1795853002231';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "sports" (
        "id" SERIAL PRIMARY KEY,
        "label" varchar(50) NOT NULL UNIQUE,
        "is_active" boolean NOT NULL DEFAULT true,
        "stopped_speed_threshold" double precision NOT NULL DEFAULT 1.0
      )`);
    for (const [id, label, threshold] of DEFAULT_SPORTS) {
      await queryRunner.query(
        `INSERT INTO "sports" ("id", "label", "stopped_speed_threshold") VALUES ($1, $2, $3)`,
        [id, label, threshold],
      );
    }
    await queryRunner.query(`SELECT setval('sports_id_seq', (SELECT max("id") FROM "sports"))`);
    await queryRunner.query(`
      CREATE TABLE "users_sports_preferences" (
        "user_id" integer NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
        "sport_id" integer NOT NULL REFERENCES "sports" ("id") ON DELETE CASCADE,
        "color" varchar(50),
        "is_active" boolean NOT NULL DEFAULT true,
        "stopped_speed_threshold" double precision NOT NULL,
        PRIMARY KEY ("user_id", "sport_id")
      )`);
    await queryRunner.query(`
      CREATE TABLE "workouts" (
        "id" SERIAL PRIMARY KEY,
        "uuid" uuid NOT NULL UNIQUE,
        "user_id" integer NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
        "sport_id" integer NOT NULL REFERENCES "sports" ("id"),
        "title" varchar(255),
        "gpx" varchar(255),
        "creation_date" timestamp NOT NULL DEFAULT (now() AT TIME ZONE 'utc'),
        "modification_date" timestamp,
        "workout_date" timestamp NOT NULL,
        ${FIGURES},
        "bounds" double precision[],
        "map" varchar(255),
        "map_id" varchar(50),
        "weather_start" json,
        "weather_end" json,
        "notes" varchar(500)
      )`);
    // The list (newest first, paginated), stats and previous/next lookups all scan by date.
    await queryRunner.query(
      `CREATE INDEX "workouts_user_date_idx" ON "workouts" ("user_id", "workout_date", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "workouts_user_sport_date_idx" ON "workouts" ("user_id", "sport_id", "workout_date")`,
    );
    await queryRunner.query(`CREATE INDEX "workouts_sport_idx" ON "workouts" ("sport_id")`);
    await queryRunner.query(`CREATE INDEX "workouts_map_id_idx" ON "workouts" ("map_id")`);
    await queryRunner.query(`
      CREATE TABLE "workout_segments" (
        "workout_id" integer NOT NULL REFERENCES "workouts" ("id") ON DELETE CASCADE,
        "workout_uuid" uuid NOT NULL,
        "segment_id" integer NOT NULL,
        ${FIGURES},
        PRIMARY KEY ("workout_id", "segment_id")
      )`);
    await queryRunner.query(`
      CREATE TABLE "records" (
        "id" SERIAL PRIMARY KEY,
        "user_id" integer NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
        "sport_id" integer NOT NULL REFERENCES "sports" ("id"),
        "workout_id" integer NOT NULL REFERENCES "workouts" ("id") ON DELETE CASCADE,
        "workout_uuid" uuid NOT NULL,
        "record_type" varchar(2) NOT NULL CHECK ("record_type" IN ('AS', 'FD', 'HA', 'LD', 'MS')),
        "workout_date" timestamp NOT NULL,
        "value" bigint,
        CONSTRAINT "user_sports_records" UNIQUE ("user_id", "sport_id", "record_type")
      )`);
    await queryRunner.query(`CREATE INDEX "records_workout_idx" ON "records" ("workout_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "records"`);
    await queryRunner.query(`DROP TABLE "workout_segments"`);
    await queryRunner.query(`DROP TABLE "workouts"`);
    await queryRunner.query(`DROP TABLE "users_sports_preferences"`);
    await queryRunner.query(`DROP TABLE "sports"`);
  }
}
