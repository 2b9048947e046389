import { ApiProperty } from '@nestjs/swagger';
import { ALL_WEBHOOK_EVENTS, type WebhookEventType } from 'src/webhooks/webhook-events';

/** A webhook subscription of an OAuth2 client (docs/webhooks.md#subscriptions). */
export class WebhookResponseDto {
  /** The subscription's id (a UUID), used in its URLs. */
  @ApiProperty({ format: 'uuid' })
  id!: string;

  /** Where the events are POSTed. */
  callback_url!: string;

  /** The event types delivered. */
  @ApiProperty({ enum: ALL_WEBHOOK_EVENTS, isArray: true })
  events!: WebhookEventType[];

  /** False once the subscription was disabled after failing for too long. */
  is_enabled!: boolean;

  /** Why and when it was disabled; null while enabled. */
  @ApiProperty({ type: String, nullable: true })
  disabled_reason!: string | null;

  /** ISO 8601 creation time. */
  @ApiProperty({ format: 'date-time' })
  created_at!: string;

  /**
   * The signing secret: only in the answer to the creation request; it cannot be read again
   * (docs/webhooks.md#signatures).
   */
  secret?: string;
}

/** `data` of the answers about one subscription. */
export class WebhookDataDto {
  @ApiProperty({ type: () => WebhookResponseDto, description: 'The subscription.' })
  webhook!: WebhookResponseDto;
}

/** `data` of the subscription list. */
export class WebhookListDataDto {
  @ApiProperty({ type: () => [WebhookResponseDto], description: 'The client’s subscriptions.' })
  webhooks!: WebhookResponseDto[];
}
