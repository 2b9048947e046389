import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Device authorization requests (RFC 8628, docs/oauth2.md#device-flow): the device code and the
 * user code are stored as SHA-256 digests only. A request is pending until the signed-in user
 * approves or denies it, and is used once when the device gets its tokens. A new password ends
 * an approval that was not exchanged yet, as it ends unused authorization codes.
 */
export class OAuth2DeviceCodes1797100000000 implements MigrationInterface {
  name = 'OAuth2DeviceCodes1797100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "oauth2_device_codes" (
        "id" SERIAL PRIMARY KEY,
        "device_code_hash" char(64) NOT NULL UNIQUE,
        "user_code_hash" char(64) NOT NULL UNIQUE,
        "client_id" integer NOT NULL REFERENCES "oauth2_clients" ("id") ON DELETE CASCADE,
        "scope" text,
        "expires_at" timestamp NOT NULL,
        "interval" integer NOT NULL,
        "last_polled_at" timestamp,
        "status" varchar(10) NOT NULL DEFAULT 'pending'
          CHECK ("status" IN ('pending', 'approved', 'denied')),
        "user_id" integer REFERENCES "users" ("id") ON DELETE CASCADE,
        "used_at" timestamp,
        CHECK (("status" = 'approved') = ("user_id" IS NOT NULL))
      )`);
    await queryRunner.query(
      `CREATE INDEX "oauth2_device_codes_expires_at_idx" ON "oauth2_device_codes" ("expires_at")`,
    );
    // As for unused authorization codes: a new password ends an approval not yet exchanged.
    await queryRunner.query(`
      CREATE FUNCTION pk_end_device_grants_of_user() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM "oauth2_device_codes" WHERE "user_id" = NEW."id" AND "used_at" IS NULL;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "users_password_change_ends_device_grants"
      AFTER UPDATE OF "password" ON "users"
      FOR EACH ROW WHEN (OLD."password" IS DISTINCT FROM NEW."password")
      EXECUTE FUNCTION pk_end_device_grants_of_user()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "users_password_change_ends_device_grants" ON "users"`);
    await queryRunner.query(`DROP FUNCTION pk_end_device_grants_of_user()`);
    await queryRunner.query(`DROP TABLE "oauth2_device_codes"`);
  }
}
