import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The consent page's form tokens already sent: each form token is accepted once, so a form
 * cannot be replayed to obtain a second authorization code. Rows are kept until the token
 * expires; only a SHA-256 digest of the token's nonce is stored.
 */
export class ConsentFormTokens1796200000000 implements MigrationInterface {
  name = 'ConsentFormTokens1796200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "oauth2_used_form_tokens" (
        "nonce_hash" char(64) PRIMARY KEY,
        "expires_at" integer NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX "oauth2_used_form_tokens_expires_at_idx" ON "oauth2_used_form_tokens" ("expires_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "oauth2_used_form_tokens"`);
  }
}
