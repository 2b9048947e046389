import { InvalidPayloadError } from 'src/common/errors/http-errors';
import { parseCallbackUrl } from 'src/webhooks/delivery/callback-url';
import {
  ALL_WEBHOOK_EVENTS,
  isWebhookEventType,
  type WebhookEventType,
} from 'src/webhooks/webhook-events';

export interface SubscriptionInput {
  callbackUrl: URL;
  events: WebhookEventType[];
}

const EVENTS_MESSAGE = `events must be a non-empty list of: ${ALL_WEBHOOK_EVENTS.join(', ')}`;

/** `{"callback_url": "...", "events": [...]}`; events default to all of them. */
export function parseSubscriptionInput(
  body: unknown,
  isPrivateAllowed: boolean,
): SubscriptionInput {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new InvalidPayloadError('a JSON object with callback_url is required');
  const fields = body as Record<string, unknown>;
  const callbackUrl = parseCallbackUrl(fields['callback_url'], isPrivateAllowed);
  const events = fields['events'];
  if (events === undefined || events === null)
    return { callbackUrl, events: [...ALL_WEBHOOK_EVENTS] };
  if (
    !Array.isArray(events) ||
    events.length === 0 ||
    events.length > ALL_WEBHOOK_EVENTS.length * 2
  )
    throw new InvalidPayloadError(EVENTS_MESSAGE);
  const list: unknown[] = events;
  if (!list.every(isWebhookEventType)) throw new InvalidPayloadError(EVENTS_MESSAGE);
  return { callbackUrl, events: ALL_WEBHOOK_EVENTS.filter((type) => list.includes(type)) };
}
