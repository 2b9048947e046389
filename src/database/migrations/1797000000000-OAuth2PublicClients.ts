import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Public clients (RFC 6749 §2.1, docs/oauth2.md#public-clients): a client registered with the
 * token endpoint authentication method `none` has no secret. Every existing client keeps
 * `client_secret_post` and its secret; the check keeps the two columns consistent.
 */
export class OAuth2PublicClients1797000000000 implements MigrationInterface {
  name = 'OAuth2PublicClients1797000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "oauth2_clients"
        ADD COLUMN "token_endpoint_auth_method" varchar(32) NOT NULL DEFAULT 'client_secret_post',
        ALTER COLUMN "client_secret_hash" DROP NOT NULL`);
    await queryRunner.query(`
      ALTER TABLE "oauth2_clients" ADD CONSTRAINT "oauth2_clients_auth_method_check" CHECK (
        ("token_endpoint_auth_method" = 'client_secret_post' AND "client_secret_hash" IS NOT NULL)
        OR ("token_endpoint_auth_method" = 'none' AND "client_secret_hash" IS NULL)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "oauth2_clients" WHERE "client_secret_hash" IS NULL`);
    await queryRunner.query(
      `ALTER TABLE "oauth2_clients" DROP CONSTRAINT "oauth2_clients_auth_method_check"`,
    );
    await queryRunner.query(`
      ALTER TABLE "oauth2_clients"
        DROP COLUMN "token_endpoint_auth_method",
        ALTER COLUMN "client_secret_hash" SET NOT NULL`);
  }
}
