import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `Idempotency-Key` records of the create endpoints (README, "Faults and retries"): one row per
 * user, endpoint and key, written in the transaction that creates the resources. The key and
 * the stored answer are kept only as an HMAC and a ciphertext keyed by the key itself.
 */
export class IdempotencyKeys1796100000000 implements MigrationInterface {
  name = 'IdempotencyKeys1796100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "idempotency_keys" (
        "id" SERIAL PRIMARY KEY,
        "user_id" integer NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
        "endpoint" varchar(100) NOT NULL,
        "key_hash" char(64) NOT NULL,
        "request_hash" char(64) NOT NULL,
        "response" text,
        "created_at" timestamp NOT NULL DEFAULT (now() AT TIME ZONE 'utc'),
        CONSTRAINT "idempotency_keys_user_endpoint_key" UNIQUE ("user_id", "endpoint", "key_hash")
      )`);
    await queryRunner.query(
      `CREATE INDEX "idempotency_keys_created_at_idx" ON "idempotency_keys" ("created_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "idempotency_keys"`);
  }
}
