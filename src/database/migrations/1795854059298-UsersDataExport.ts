import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One data-export request per user (FitTrackee `POST /api/auth/account/export/request`, FitTrackee
 * table users_data_export).
 */
export class UsersDataExport1795854059298 implements MigrationInterface {
  name = 'UsersDataExport1795854059298';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "users_data_export" (
        "id" SERIAL PRIMARY KEY,
        "user_id" integer NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
        "created_at" timestamp NOT NULL DEFAULT (now() AT TIME ZONE 'utc'),
        "updated_at" timestamp,
        "completed" boolean NOT NULL DEFAULT false,
        "file_name" varchar(100),
        "file_size" integer
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "users_data_export_user_id_key" ON "users_data_export" ("user_id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "users_data_export"`);
  }
}
