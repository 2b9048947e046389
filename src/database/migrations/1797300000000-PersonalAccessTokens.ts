import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Personal access tokens (docs/oauth2.md#personal-access-tokens), stored as SHA-256 digests. A new
 * password deletes the user's tokens in the transaction that changes it, whichever path changes
 * it, as it ends the OAuth2 grants: a token created by whoever knew the old password must not
 * outlive it.
 */
export class PersonalAccessTokens1797300000000 implements MigrationInterface {
  name = 'PersonalAccessTokens1797300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "personal_access_tokens" (
        "id" SERIAL PRIMARY KEY,
        "user_id" integer NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
        "name" varchar(100) NOT NULL,
        "token_hash" char(64) NOT NULL UNIQUE,
        "scope" text NOT NULL,
        "created_at" timestamp NOT NULL,
        "expires_at" timestamp,
        "last_used_at" timestamp
      )`);
    await queryRunner.query(
      `CREATE INDEX "personal_access_tokens_user_id_idx" ON "personal_access_tokens" ("user_id")`,
    );
    await queryRunner.query(`
      CREATE FUNCTION pk_delete_personal_access_tokens_of_user() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM "personal_access_tokens" WHERE "user_id" = NEW."id";
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "users_password_change_deletes_personal_access_tokens"
      AFTER UPDATE OF "password" ON "users"
      FOR EACH ROW WHEN (OLD."password" IS DISTINCT FROM NEW."password")
      EXECUTE FUNCTION pk_delete_personal_access_tokens_of_user()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP TRIGGER "users_password_change_deletes_personal_access_tokens" ON "users"`,
    );
    await queryRunner.query(`DROP FUNCTION pk_delete_personal_access_tokens_of_user()`);
    await queryRunner.query(`DROP TABLE "personal_access_tokens"`);
  }
}
