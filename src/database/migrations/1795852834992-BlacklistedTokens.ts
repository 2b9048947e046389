import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Logged-out first-party tokens (docs/compatibility.md#auth-tokens). Only a SHA-256 hash of the
 * token is kept, with the token's `exp` so `clean_tokens` can purge rows (FitTrackee `ftcli`).
 */
export class BlacklistedTokens1795852834992 implements MigrationInterface {
  name = 'BlacklistedTokens1795852834992';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "blacklisted_tokens" (
        "id" SERIAL PRIMARY KEY,
        "token_hash" varchar(64) NOT NULL,
        "expired_at" integer NOT NULL,
        "blacklisted_on" timestamp NOT NULL DEFAULT (now() AT TIME ZONE 'utc')
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "blacklisted_tokens_token_hash_key" ON "blacklisted_tokens" ("token_hash")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "blacklisted_tokens"`);
  }
}
