import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SCOPE } from 'src/auth/scopes';
import type { EventRow } from 'src/webhooks/dispatch/event-body';
import { returnedRows } from 'src/webhooks/dispatch/returned-rows';
import { AUTHORIZING_TOKEN } from 'src/webhooks/outbox/authorizing-token.sql';
import { DataSource } from 'typeorm';

export interface ClaimedSubscription {
  id: number;
  callback_url: string;
  secret_seed: string;
  public_client_id: string;
}

export interface DueDelivery extends EventRow {
  id: string;
  uuid: string;
  attempts: number;
  created_at: Date;
  next_attempt_at: Date;
}

export interface AttemptResult {
  statusCode: number | null;
  error: string | null;
}

/**
 * The dispatcher's queries (docs/webhooks.md#delivery). Rows are claimed with
 * `FOR UPDATE SKIP LOCKED` and subscriptions leased, so that any number of processes share the
 * work and never deliver to one subscription at the same time.
 */
@Injectable()
export class OutboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Turns a batch of new events into one delivery per interested subscription: the event type
   * is in its filter, and the user authorizes its client with `workouts:read` (workout events)
   * or the event names the client (`app.deauthorized`). Events nobody wants are dropped.
   * Returns how many events were handled.
   */
  fanOut(batchSize: number): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const batch = await manager.query<{ id: string }[]>(
        `SELECT id FROM webhook_events WHERE NOT is_fanned_out
          ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [batchSize],
      );
      if (batch.length === 0) return 0;
      const ids = batch.map((row) => row.id);
      await manager.query(
        `INSERT INTO webhook_deliveries (uuid, subscription_id, event_id)
         SELECT gen_random_uuid(), s.id, e.id
           FROM webhook_events e
           JOIN webhook_subscriptions s ON s.is_enabled AND e.type = ANY(s.events)
          WHERE e.id = ANY($1::bigint[])
            AND CASE WHEN e.client_id IS NOT NULL THEN s.client_id = e.client_id
                ELSE EXISTS (SELECT 1 FROM oauth2_tokens t
                              WHERE t.client_id = s.client_id AND t.user_id = e.user_id
                                AND ${AUTHORIZING_TOKEN}
                                AND (' ' || coalesce(t.scope, '') || ' ') LIKE $2)
                END
          ORDER BY e.id, s.id`,
        [ids, `% ${SCOPE.WORKOUTS_READ} %`],
      );
      await manager.query(
        `DELETE FROM webhook_events e WHERE e.id = ANY($1::bigint[])
            AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = e.id)`,
        [ids],
      );
      await manager.query(
        `UPDATE webhook_events SET is_fanned_out = true WHERE id = ANY($1::bigint[])`,
        [ids],
      );
      return ids.length;
    });
  }

  /** Leases subscriptions whose oldest pending delivery is due (per-subscription order). */
  async claimSubscriptions(
    token: string,
    leaseMs: number,
    limit: number,
  ): Promise<ClaimedSubscription[]> {
    const result: unknown = await this.dataSource.query(
      `UPDATE webhook_subscriptions s
          SET lease_token = $1, lease_until = now() + $2 * interval '1 millisecond'
         FROM oauth2_clients c
        WHERE c.id = s.client_id
          AND s.id IN (
            SELECT s2.id FROM webhook_subscriptions s2
             WHERE s2.is_enabled AND (s2.lease_until IS NULL OR s2.lease_until < now())
               AND (SELECT d.next_attempt_at FROM webhook_deliveries d
                     WHERE d.subscription_id = s2.id AND d.status = 'pending'
                     ORDER BY d.event_id, d.id LIMIT 1) <= now()
             ORDER BY s2.id LIMIT $3
             FOR UPDATE OF s2 SKIP LOCKED)
        RETURNING s.id, s.callback_url, s.secret_seed, c.client_id AS public_client_id`,
      [token, leaseMs, limit],
    );
    return returnedRows<ClaimedSubscription>(result);
  }

  async releaseLease(subscriptionId: number, token: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE webhook_subscriptions SET lease_token = NULL, lease_until = NULL
        WHERE id = $1 AND lease_token = $2`,
      [subscriptionId, token],
    );
  }

  /** The oldest pending deliveries of the subscription, in event order, due or not. */
  pendingInOrder(subscriptionId: number, limit: number): Promise<DueDelivery[]> {
    return this.dataSource.query<DueDelivery[]>(
      `SELECT d.id, d.uuid, d.attempts, d.created_at, d.next_attempt_at,
              e.type, e.username, e.workout_uuid, e.changes, e.occurred_at
         FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
        WHERE d.subscription_id = $1 AND d.status = 'pending'
        ORDER BY d.event_id, d.id LIMIT $2`,
      [subscriptionId, limit],
    );
  }

  /**
   * Records the success and extends the lease in one statement; false when the lease was lost
   * (expired and taken by another process) or the subscription disabled.
   */
  async markDelivered(
    delivery: DueDelivery,
    lease: { subscriptionId: number; token: string; ms: number },
    statusCode: number,
  ): Promise<boolean> {
    const result: unknown = await this.dataSource.query(
      `WITH delivered AS (
         UPDATE webhook_deliveries
            SET status = 'delivered', attempts = attempts + 1, last_attempt_at = now(),
                last_status_code = $2, last_error = NULL, delivered_at = now()
          WHERE id = $1 RETURNING subscription_id)
       UPDATE webhook_subscriptions s
          SET failing_since = NULL, lease_until = now() + $5 * interval '1 millisecond'
         FROM delivered
        WHERE s.id = delivered.subscription_id AND s.id = $3 AND s.lease_token = $4
          AND s.is_enabled
       RETURNING s.id`,
      [delivery.id, statusCode, lease.subscriptionId, lease.token, lease.ms],
    );
    return returnedRows(result).length > 0;
  }

  /**
   * Records a failed attempt: retried at `retryAt`, or failed when null. Returns since when
   * the subscription has been failing.
   */
  markFailed(
    delivery: DueDelivery,
    subscriptionId: number,
    result: AttemptResult,
    retryAt: Date | null,
  ): Promise<Date> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE webhook_deliveries
            SET status = $2, attempts = attempts + 1, last_attempt_at = now(),
                last_status_code = $3, last_error = $4, next_attempt_at = COALESCE($5, next_attempt_at)
          WHERE id = $1`,
        [
          delivery.id,
          retryAt === null ? 'failed' : 'pending',
          result.statusCode,
          result.error,
          retryAt,
        ],
      );
      const updated: unknown = await manager.query(
        `UPDATE webhook_subscriptions SET failing_since = COALESCE(failing_since, now())
          WHERE id = $1 RETURNING failing_since`,
        [subscriptionId],
      );
      return returnedRows<{ failing_since: Date }>(updated)[0]?.failing_since ?? new Date();
    });
  }

  /** Forgets finished deliveries older than `days`, and the events left without any. */
  async prune(days: number): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM webhook_deliveries
        WHERE status <> 'pending' AND created_at < now() - $1 * interval '1 day'`,
      [days],
    );
    await this.dataSource.query(
      `DELETE FROM webhook_events e
        WHERE e.is_fanned_out AND e.occurred_at < now() - $1 * interval '1 day'
          AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = e.id)`,
      [days],
    );
  }

  async disable(subscriptionId: number, reason: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE webhook_subscriptions
          SET is_enabled = false, disabled_at = now(), disabled_reason = $2,
              lease_token = NULL, lease_until = NULL
        WHERE id = $1`,
      [subscriptionId, reason],
    );
  }
}
