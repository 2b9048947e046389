import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A new password ends every third-party grant of the user, in the transaction that changes
 * it, whichever path changes it (profile, reset link, administrator, CLI): access and refresh
 * tokens are revoked (RFC 9700 §4.14.2 lists a password change among the events that revoke
 * refresh tokens) and unused authorization codes are deleted. Used codes stay, so that a
 * replayed code is still recognised (RFC 6749 §4.1.2).
 */
export class EndOAuth2GrantsOnPasswordChange1796200000001 implements MigrationInterface {
  name = 'EndOAuth2GrantsOnPasswordChange1796200000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION pk_end_oauth2_grants_of_user() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE "oauth2_tokens"
           SET "access_token_revoked_at" = COALESCE("access_token_revoked_at", now() AT TIME ZONE 'utc'),
               "refresh_token_revoked_at" = COALESCE("refresh_token_revoked_at", now() AT TIME ZONE 'utc')
         WHERE "user_id" = NEW."id"
           AND ("access_token_revoked_at" IS NULL OR "refresh_token_revoked_at" IS NULL);
        DELETE FROM "oauth2_authorization_codes" WHERE "user_id" = NEW."id" AND "used_at" IS NULL;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "users_password_change_ends_oauth2_grants"
      AFTER UPDATE OF "password" ON "users"
      FOR EACH ROW WHEN (OLD."password" IS DISTINCT FROM NEW."password")
      EXECUTE FUNCTION pk_end_oauth2_grants_of_user()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "users_password_change_ends_oauth2_grants" ON "users"`);
    await queryRunner.query(`DROP FUNCTION pk_end_oauth2_grants_of_user()`);
  }
}
