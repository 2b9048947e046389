import type { WebhookDeliveryDto } from 'src/webhooks/dto/webhook-delivery.dto';
import type { WebhookResponseDto } from 'src/webhooks/dto/webhook-response.dto';
import type {
  DeliveryRow,
  SubscriptionRow,
} from 'src/webhooks/subscriptions/webhook-subscriptions.repository';

/** Allow-list mapping of a subscription; the secret only when just created. */
export function toWebhookResponse(row: SubscriptionRow, secret?: string): WebhookResponseDto {
  return {
    id: row.uuid,
    callback_url: row.callback_url,
    events: row.events,
    is_enabled: row.is_enabled,
    disabled_reason: row.disabled_reason,
    created_at: new Date(row.created_at).toISOString(),
    ...(secret === undefined ? {} : { secret }),
  };
}

const iso = (value: Date | null): string | null =>
  value === null ? null : new Date(value).toISOString();

export function toDeliveryResponse(row: DeliveryRow): WebhookDeliveryDto {
  return {
    id: row.uuid,
    event: row.type,
    status: row.status,
    attempts: row.attempts,
    last_status_code: row.last_status_code,
    last_error: row.last_error,
    next_attempt_at: row.status === 'pending' ? iso(row.next_attempt_at) : null,
    occurred_at: new Date(row.occurred_at).toISOString(),
    delivered_at: iso(row.delivered_at),
  };
}
