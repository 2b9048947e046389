import { ApiProperty } from '@nestjs/swagger';
import { ALL_WEBHOOK_EVENTS, type WebhookEventType } from 'src/webhooks/webhook-events';

/** One delivery of one event to one subscription (docs/webhooks.md#retries). */
export class WebhookDeliveryDto {
  /** The delivery id, sent as `X-Pacekeeper-Delivery` and `delivery_id`: the same on every retry. */
  @ApiProperty({ format: 'uuid' })
  id!: string;

  /** The event type. */
  @ApiProperty({ enum: ALL_WEBHOOK_EVENTS })
  event!: WebhookEventType;

  /** `pending` (to be tried), `delivered` (a 2xx was received) or `failed` (retries spent). */
  @ApiProperty({ enum: ['pending', 'delivered', 'failed'] })
  status!: 'pending' | 'delivered' | 'failed';

  /** Attempts made so far. */
  @ApiProperty({ type: 'integer' })
  attempts!: number;

  /** HTTP status of the last attempt; null when it got no answer or was not tried yet. */
  @ApiProperty({ type: 'integer', nullable: true })
  last_status_code!: number | null;

  /** Why the last attempt failed; null after a success or before any attempt. */
  @ApiProperty({ type: String, nullable: true })
  last_error!: string | null;

  /** ISO 8601 time of the next attempt while pending; null otherwise. */
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  next_attempt_at!: string | null;

  /** ISO 8601 time the event happened. */
  @ApiProperty({ format: 'date-time' })
  occurred_at!: string;

  /** ISO 8601 time of the successful attempt; null until then. */
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  delivered_at!: string | null;
}

/** `data` of the delivery list: the 50 most recent, newest first. */
export class WebhookDeliveryListDataDto {
  @ApiProperty({ type: () => [WebhookDeliveryDto], description: 'Recent deliveries.' })
  deliveries!: WebhookDeliveryDto[];
}

/** `data` of a redelivery: the new delivery, pending. */
export class WebhookDeliveryDataDto {
  @ApiProperty({ type: () => WebhookDeliveryDto, description: 'The new delivery.' })
  delivery!: WebhookDeliveryDto;
}
