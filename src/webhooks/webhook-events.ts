/** The event vocabulary of webhooks (docs/webhooks.md#events). */
export const WEBHOOK_EVENT = {
  WORKOUT_CREATED: 'workout.created',
  WORKOUT_UPDATED: 'workout.updated',
  WORKOUT_DELETED: 'workout.deleted',
  APP_DEAUTHORIZED: 'app.deauthorized',
} as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT)[keyof typeof WEBHOOK_EVENT];

export const ALL_WEBHOOK_EVENTS: readonly WebhookEventType[] = Object.values(WEBHOOK_EVENT);

export type WorkoutEventType = Exclude<WebhookEventType, 'app.deauthorized'>;

export function isWebhookEventType(value: unknown): value is WebhookEventType {
  return typeof value === 'string' && (ALL_WEBHOOK_EVENTS as readonly string[]).includes(value);
}
