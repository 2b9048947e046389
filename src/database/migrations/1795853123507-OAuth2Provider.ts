import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * OAuth2 clients, authorization codes and tokens (docs/oauth2.md#clients); secrets stored hashed.
 */
export class OAuth2Provider1795853123507 implements MigrationInterface {
  name = 'OAuth2Provider1795853123507';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "oauth2_clients" (
        "id" SERIAL PRIMARY KEY,
        "client_id" varchar(24) NOT NULL UNIQUE,
        "client_secret_hash" char(64) NOT NULL,
        "issued_at" timestamp NOT NULL,
        "user_id" integer NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
        "name" varchar(255) NOT NULL,
        "description" text,
        "website" text NOT NULL,
        "redirect_uris" text[] NOT NULL,
        "scope" text NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX "oauth2_clients_user_id_idx" ON "oauth2_clients" ("user_id")`,
    );
    await queryRunner.query(`
      CREATE TABLE "oauth2_authorization_codes" (
        "id" SERIAL PRIMARY KEY,
        "code_hash" char(64) NOT NULL UNIQUE,
        "client_id" integer NOT NULL REFERENCES "oauth2_clients" ("id") ON DELETE CASCADE,
        "user_id" integer NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
        "redirect_uri" text,
        "scope" text,
        "code_challenge" text,
        "code_challenge_method" varchar(10),
        "auth_time" timestamp NOT NULL,
        "used_at" timestamp
      )`);
    await queryRunner.query(`
      CREATE TABLE "oauth2_tokens" (
        "id" SERIAL PRIMARY KEY,
        "client_id" integer NOT NULL REFERENCES "oauth2_clients" ("id") ON DELETE CASCADE,
        "user_id" integer NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
        "access_token_hash" char(64) NOT NULL UNIQUE,
        "refresh_token_hash" char(64) UNIQUE,
        "scope" text,
        "issued_at" timestamp NOT NULL,
        "expires_in" integer NOT NULL,
        "access_token_revoked_at" timestamp,
        "refresh_token_revoked_at" timestamp,
        "authorization_code_id" integer
          REFERENCES "oauth2_authorization_codes" ("id") ON DELETE SET NULL,
        "family_id" uuid NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX "oauth2_tokens_family_id_idx" ON "oauth2_tokens" ("family_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "oauth2_tokens_client_id_idx" ON "oauth2_tokens" ("client_id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "oauth2_tokens"`);
    await queryRunner.query(`DROP TABLE "oauth2_authorization_codes"`);
    await queryRunner.query(`DROP TABLE "oauth2_clients"`);
  }
}
