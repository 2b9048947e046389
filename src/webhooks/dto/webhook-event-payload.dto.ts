import { ApiProperty } from '@nestjs/swagger';
import { WEBHOOK_EVENT } from 'src/webhooks/webhook-events';

/** The user an event is about. */
export class WebhookEventUserDto {
  /** The user's username, as in `GET /api/workouts` answers. */
  username!: string;
}

/** The workout an event is about: its id only. */
export class WebhookEventWorkoutDto {
  /** The workout's short id, as in `GET /api/workouts/{workout_id}`. */
  id!: string;
}

/** Fields of every delivered event body (docs/webhooks.md#events). */
export class WebhookEventBaseDto {
  /** Same as the `X-Pacekeeper-Delivery` header; the same on every retry of this delivery. */
  @ApiProperty({ format: 'uuid' })
  delivery_id!: string;

  /** ISO 8601 time of the change. */
  @ApiProperty({ format: 'date-time' })
  occurred_at!: string;

  /** The OAuth2 `client_id` of the application the subscription belongs to. */
  client_id!: string;

  @ApiProperty({ type: () => WebhookEventUserDto, description: 'The user concerned.' })
  user!: WebhookEventUserDto;
}

/**
 * `workout.created`, `workout.updated`, `workout.deleted`: sent only for users who authorize
 * the application with `workouts:read`. Fetch the workout with the user's token for details.
 */
export class WorkoutWebhookEventDto extends WebhookEventBaseDto {
  @ApiProperty({
    enum: [
      WEBHOOK_EVENT.WORKOUT_CREATED,
      WEBHOOK_EVENT.WORKOUT_UPDATED,
      WEBHOOK_EVENT.WORKOUT_DELETED,
    ],
    description: 'The event type.',
  })
  event!: string;

  @ApiProperty({ type: () => WebhookEventWorkoutDto, description: 'The workout concerned.' })
  workout!: WebhookEventWorkoutDto;

  /** `workout.updated` only: the workout fields the update set (e.g. `title`, `sport_id`). */
  changes?: string[];
}

/** `app.deauthorized`: the user no longer authorizes the application (its tokens were revoked). */
export class AppDeauthorizedWebhookEventDto extends WebhookEventBaseDto {
  @ApiProperty({ enum: [WEBHOOK_EVENT.APP_DEAUTHORIZED], description: 'The event type.' })
  event!: string;
}
