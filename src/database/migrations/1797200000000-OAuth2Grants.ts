import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per user and application the user authorized (docs/oauth2.md#connected-apps): the
 * scopes granted, the redirect URI of the last consent, when it was first given and last used.
 * Existing live tokens and pending codes become grants, with no redirect URI, so the consent
 * screen shows once more before it is remembered. A password change forgets them, as it ends
 * the tokens (1796200000001).
 */
export class OAuth2Grants1797200000000 implements MigrationInterface {
  name = 'OAuth2Grants1797200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "oauth2_grants" (
        "id" SERIAL PRIMARY KEY,
        "user_id" integer NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
        "client_id" integer NOT NULL REFERENCES "oauth2_clients" ("id") ON DELETE CASCADE,
        "scopes" text[] NOT NULL DEFAULT '{}',
        "redirect_uri" text,
        "first_authorized_at" timestamp NOT NULL,
        "last_used_at" timestamp,
        CONSTRAINT "oauth2_grants_user_id_client_id_key" UNIQUE ("user_id", "client_id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "oauth2_grants_client_id_idx" ON "oauth2_grants" ("client_id")`,
    );
    await queryRunner.query(`
      WITH "live" AS (
        SELECT "user_id", "client_id", "scope", "issued_at" AS "at", "issued_at" AS "used_at"
          FROM "oauth2_tokens" WHERE "refresh_token_revoked_at" IS NULL
        UNION ALL
        SELECT "user_id", "client_id", "scope", "auth_time", NULL
          FROM "oauth2_authorization_codes" WHERE "used_at" IS NULL
      )
      INSERT INTO "oauth2_grants"
        ("user_id", "client_id", "scopes", "redirect_uri", "first_authorized_at", "last_used_at")
      SELECT "l"."user_id", "l"."client_id",
             ARRAY(
               SELECT DISTINCT "w"
                 FROM "live" AS "s",
                      unnest(string_to_array(COALESCE("s"."scope", ''), ' ')) AS "w"
                WHERE "s"."user_id" = "l"."user_id" AND "s"."client_id" = "l"."client_id"
                  AND "w" = ANY (string_to_array("c"."scope", ' '))
                ORDER BY "w"),
             NULL, min("l"."at"), max("l"."used_at")
        FROM "live" AS "l" JOIN "oauth2_clients" AS "c" ON "c"."id" = "l"."client_id"
       GROUP BY "l"."user_id", "l"."client_id", "c"."scope"`);
    await queryRunner.query(`
      CREATE FUNCTION pk_forget_oauth2_grants_of_user() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM "oauth2_grants" WHERE "user_id" = NEW."id";
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "users_password_change_forgets_oauth2_grants"
      AFTER UPDATE OF "password" ON "users"
      FOR EACH ROW WHEN (OLD."password" IS DISTINCT FROM NEW."password")
      EXECUTE FUNCTION pk_forget_oauth2_grants_of_user()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP TRIGGER "users_password_change_forgets_oauth2_grants" ON "users"`,
    );
    await queryRunner.query(`DROP FUNCTION pk_forget_oauth2_grants_of_user()`);
    await queryRunner.query(`DROP TABLE "oauth2_grants"`);
  }
}
