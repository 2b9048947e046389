import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhooks (docs/webhooks.md): subscriptions of an OAuth2 client, the transactional outbox of
 * events written with the change that causes them, and one delivery per subscription and event.
 */
export class Webhooks1797400000000 implements MigrationInterface {
  name = 'Webhooks1797400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "webhook_subscriptions" (
        "id" SERIAL PRIMARY KEY,
        "uuid" uuid NOT NULL UNIQUE,
        "client_id" integer NOT NULL REFERENCES "oauth2_clients" ("id") ON DELETE CASCADE,
        "callback_url" text NOT NULL,
        "events" text[] NOT NULL,
        "secret_seed" char(64) NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "is_enabled" boolean NOT NULL DEFAULT true,
        "disabled_at" timestamptz,
        "disabled_reason" text,
        "failing_since" timestamptz,
        "lease_token" uuid,
        "lease_until" timestamptz
      )`);
    await queryRunner.query(
      `CREATE INDEX "webhook_subscriptions_client_id_idx" ON "webhook_subscriptions" ("client_id")`,
    );
    await queryRunner.query(`
      CREATE TABLE "webhook_events" (
        "id" BIGSERIAL PRIMARY KEY,
        "type" varchar(32) NOT NULL,
        "user_id" integer NOT NULL,
        "username" varchar(255) NOT NULL,
        "client_id" integer,
        "workout_uuid" uuid,
        "changes" text[],
        "occurred_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
        "is_fanned_out" boolean NOT NULL DEFAULT false
      )`);
    await queryRunner.query(
      `CREATE INDEX "webhook_events_pending_idx" ON "webhook_events" ("id") WHERE NOT "is_fanned_out"`,
    );
    await queryRunner.query(`
      CREATE TABLE "webhook_deliveries" (
        "id" BIGSERIAL PRIMARY KEY,
        "uuid" uuid NOT NULL UNIQUE,
        "subscription_id" integer NOT NULL
          REFERENCES "webhook_subscriptions" ("id") ON DELETE CASCADE,
        "event_id" bigint NOT NULL REFERENCES "webhook_events" ("id") ON DELETE CASCADE,
        "status" varchar(16) NOT NULL DEFAULT 'pending',
        "attempts" integer NOT NULL DEFAULT 0,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "next_attempt_at" timestamptz NOT NULL DEFAULT now(),
        "last_attempt_at" timestamptz,
        "last_status_code" integer,
        "last_error" text,
        "delivered_at" timestamptz
      )`);
    await queryRunner.query(
      `CREATE INDEX "webhook_deliveries_pending_idx" ON "webhook_deliveries"
         ("subscription_id", "event_id", "id") WHERE "status" = 'pending'`,
    );
    await queryRunner.query(
      `CREATE INDEX "webhook_deliveries_recent_idx" ON "webhook_deliveries" ("subscription_id", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "webhook_deliveries_event_id_idx" ON "webhook_deliveries" ("event_id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "webhook_deliveries"`);
    await queryRunner.query(`DROP TABLE "webhook_events"`);
    await queryRunner.query(`DROP TABLE "webhook_subscriptions"`);
  }
}
