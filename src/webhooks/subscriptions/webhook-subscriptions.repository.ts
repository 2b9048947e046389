import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { WebhookEventType } from 'src/webhooks/webhook-events';
import { DataSource } from 'typeorm';

export interface SubscriptionRow {
  id: number;
  uuid: string;
  callback_url: string;
  events: WebhookEventType[];
  is_enabled: boolean;
  disabled_reason: string | null;
  created_at: Date;
}

export interface DeliveryRow {
  uuid: string;
  type: WebhookEventType;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  next_attempt_at: Date;
  occurred_at: Date;
  delivered_at: Date | null;
}

const SUBSCRIPTION_COLUMNS = `id, uuid, callback_url, events, is_enabled, disabled_reason, created_at`;
const DELIVERY_COLUMNS = `d.uuid, e.type, d.status, d.attempts, d.last_status_code, d.last_error,
  d.next_attempt_at, e.occurred_at, d.delivered_at`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Queries of the subscription endpoints; ids that are not UUIDs find nothing. */
@Injectable()
export class WebhookSubscriptionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  listForClient(clientId: number): Promise<SubscriptionRow[]> {
    return this.dataSource.query(
      `SELECT ${SUBSCRIPTION_COLUMNS} FROM webhook_subscriptions WHERE client_id = $1 ORDER BY id`,
      [clientId],
    );
  }

  async countForClient(clientId: number): Promise<number> {
    const rows = await this.dataSource.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM webhook_subscriptions WHERE client_id = $1`,
      [clientId],
    );
    return rows[0]?.count ?? 0;
  }

  async insert(
    clientId: number,
    row: { uuid: string; callbackUrl: string; events: WebhookEventType[]; secretSeed: string },
  ): Promise<SubscriptionRow> {
    const rows = await this.dataSource.query<SubscriptionRow[]>(
      `INSERT INTO webhook_subscriptions (uuid, client_id, callback_url, events, secret_seed)
       VALUES ($1, $2, $3, $4, $5) RETURNING ${SUBSCRIPTION_COLUMNS}`,
      [row.uuid, clientId, row.callbackUrl, row.events, row.secretSeed],
    );
    return rows[0] as SubscriptionRow;
  }

  async find(clientId: number, uuid: string): Promise<SubscriptionRow | undefined> {
    if (!UUID.test(uuid)) return undefined;
    const rows = await this.dataSource.query<SubscriptionRow[]>(
      `SELECT ${SUBSCRIPTION_COLUMNS} FROM webhook_subscriptions WHERE client_id = $1 AND uuid = $2`,
      [clientId, uuid],
    );
    return rows[0];
  }

  async remove(subscriptionId: number): Promise<void> {
    await this.dataSource.query(`DELETE FROM webhook_subscriptions WHERE id = $1`, [
      subscriptionId,
    ]);
  }

  recentDeliveries(subscriptionId: number, limit: number): Promise<DeliveryRow[]> {
    return this.dataSource.query(
      `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
        WHERE d.subscription_id = $1 ORDER BY d.id DESC LIMIT $2`,
      [subscriptionId, limit],
    );
  }

  /** A new pending delivery of the same event, with a new id (the receiver may have seen the old). */
  async redeliver(subscriptionId: number, deliveryUuid: string): Promise<DeliveryRow | undefined> {
    if (!UUID.test(deliveryUuid)) return undefined;
    const rows = await this.dataSource.query<DeliveryRow[]>(
      `WITH copy AS (
         INSERT INTO webhook_deliveries (uuid, subscription_id, event_id)
         SELECT gen_random_uuid(), subscription_id, event_id FROM webhook_deliveries
          WHERE subscription_id = $1 AND uuid = $2
         RETURNING *)
       SELECT ${DELIVERY_COLUMNS} FROM copy d JOIN webhook_events e ON e.id = d.event_id`,
      [subscriptionId, deliveryUuid],
    );
    return rows[0];
  }
}
