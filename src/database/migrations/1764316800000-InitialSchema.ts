import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Users and the application configuration (FitTrackee user model, FitTrackee `GET /api/config`).
 */
export class InitialSchema1764316800000 implements MigrationInterface {
  name = 'InitialSchema1764316800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "users" (
        "id" SERIAL PRIMARY KEY,
        "username" varchar(255) NOT NULL,
        "email" varchar(255) NOT NULL,
        "password" varchar(255) NOT NULL,
        "created_at" timestamp NOT NULL DEFAULT (now() AT TIME ZONE 'utc'),
        "admin" boolean NOT NULL DEFAULT false,
        "is_active" boolean NOT NULL DEFAULT false,
        "first_name" varchar(80),
        "last_name" varchar(80),
        "birth_date" timestamp,
        "location" varchar(80),
        "bio" varchar(200),
        "picture" varchar(255),
        "timezone" varchar(50) NOT NULL DEFAULT 'Europe/Paris',
        "date_format" varchar(50) NOT NULL DEFAULT 'MM/dd/yyyy',
        "language" varchar(50) NOT NULL DEFAULT 'en',
        "weekm" boolean NOT NULL DEFAULT false,
        "imperial_units" boolean NOT NULL DEFAULT false,
        "display_ascent" boolean NOT NULL DEFAULT true,
        "start_elevation_at_zero" boolean NOT NULL DEFAULT true,
        "use_raw_gpx_speed" boolean NOT NULL DEFAULT false,
        "use_dark_mode" boolean DEFAULT false,
        "email_to_confirm" varchar(255),
        "confirmation_token" varchar(255),
        "accepted_policy_date" timestamp
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "users_username_lower_key" ON "users" (lower("username"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "users_email_lower_key" ON "users" (lower("email"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "users_confirmation_token_key" ON "users" ("confirmation_token")`,
    );
    await queryRunner.query(`
      CREATE TABLE "app_config" (
        "id" SERIAL PRIMARY KEY,
        "max_users" integer NOT NULL DEFAULT 0,
        "gpx_limit_import" integer NOT NULL DEFAULT 10,
        "max_single_file_size" integer NOT NULL DEFAULT 1048576,
        "max_zip_file_size" integer NOT NULL DEFAULT 10485760,
        "admin_contact" varchar(255),
        "privacy_policy" text,
        "privacy_policy_date" timestamp,
        "about" text
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "app_config"`);
    await queryRunner.query(`DROP TABLE "users"`);
  }
}
