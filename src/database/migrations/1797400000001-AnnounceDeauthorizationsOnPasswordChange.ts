import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A new password ends every third-party grant of the user (trigger
 * `users_password_change_ends_oauth2_grants`, whichever path changes it): each application the
 * user authorized until then gets an `app.deauthorized` webhook event in the same transaction
 * (docs/webhooks.md#events). PostgreSQL fires triggers of one event in name order, so this one
 * (`…_announces_…`) still sees the tokens before `…_ends_…` revokes them.
 */
export class AnnounceDeauthorizationsOnPasswordChange1797400000001 implements MigrationInterface {
  name = 'AnnounceDeauthorizationsOnPasswordChange1797400000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION pk_announce_deauthorizations_of_user() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO "webhook_events" ("type", "user_id", "username", "client_id")
        SELECT DISTINCT 'app.deauthorized', NEW."id", NEW."username", t."client_id"
          FROM "oauth2_tokens" t
         WHERE t."user_id" = NEW."id"
           AND t."access_token_revoked_at" IS NULL
           AND t."refresh_token_revoked_at" IS NULL
           AND (t."expires_in" = 0
                OR t."issued_at" + 2 * t."expires_in" * interval '1 second'
                   >= (now() AT TIME ZONE 'utc'))
         ORDER BY t."client_id";
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "users_password_change_announces_deauthorizations"
      AFTER UPDATE OF "password" ON "users"
      FOR EACH ROW WHEN (OLD."password" IS DISTINCT FROM NEW."password")
      EXECUTE FUNCTION pk_announce_deauthorizations_of_user()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP TRIGGER "users_password_change_announces_deauthorizations" ON "users"`,
    );
    await queryRunner.query(`DROP FUNCTION pk_announce_deauthorizations_of_user()`);
  }
}
