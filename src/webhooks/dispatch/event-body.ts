import { WEBHOOK_EVENT, type WebhookEventType } from 'src/webhooks/webhook-events';
import { encodeShortId } from 'src/workouts/short-id';

export interface EventRow {
  type: WebhookEventType;
  username: string;
  workout_uuid: string | null;
  changes: string[] | null;
  occurred_at: Date;
}

/**
 * The JSON body of a delivery: ids and what changed, nothing the scope would not show
 * (docs/webhooks.md#events; the schemas WorkoutWebhookEventDto and
 * AppDeauthorizedWebhookEventDto).
 */
export function eventBody(deliveryId: string, clientId: string, event: EventRow): string {
  const body: Record<string, unknown> = {
    delivery_id: deliveryId,
    event: event.type,
    occurred_at: new Date(event.occurred_at).toISOString(),
    client_id: clientId,
    user: { username: event.username },
  };
  if (event.workout_uuid !== null) body['workout'] = { id: encodeShortId(event.workout_uuid) };
  if (event.type === WEBHOOK_EVENT.WORKOUT_UPDATED) body['changes'] = event.changes ?? [];
  return JSON.stringify(body);
}
