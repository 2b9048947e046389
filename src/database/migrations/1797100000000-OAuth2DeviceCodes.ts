import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Device authorization requests (RFC 8628, docs/oauth2.md#device-flow): the device code and the
 * user code are stored as SHA-256 digests only. A request is pending until the signed-in user
 * approves or denies it, and is used once when the device gets its tokens.
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
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "oauth2_device_codes"`);
  }
}
