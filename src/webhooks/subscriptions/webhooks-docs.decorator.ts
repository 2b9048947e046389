import { applyDecorators, type Type } from '@nestjs/common';
import { ApiBody, ApiExtraModels, ApiOperation, ApiParam, ApiResponse } from '@nestjs/swagger';
import { getSchemaPath } from '@nestjs/swagger';
import { ApiEnvelopeResponse } from 'src/common/envelope/api-envelope-response.decorator';
import { ApiErrors, ENVELOPE_ERROR_SCHEMA } from 'src/common/openapi/api-error-responses.decorator';
import { CALLBACK_URL_MAX_LENGTH } from 'src/webhooks/delivery/callback-url';
import {
  WebhookDeliveryDataDto,
  type WebhookDeliveryDto,
  WebhookDeliveryListDataDto,
} from 'src/webhooks/dto/webhook-delivery.dto';
import {
  AppDeauthorizedWebhookEventDto,
  WorkoutWebhookEventDto,
} from 'src/webhooks/dto/webhook-event-payload.dto';
import {
  WebhookDataDto,
  WebhookListDataDto,
  type WebhookResponseDto,
} from 'src/webhooks/dto/webhook-response.dto';
import { ALL_WEBHOOK_EVENTS } from 'src/webhooks/webhook-events';

const OWNER_ONLY =
  'First-party tokens only: an OAuth2 access token gets 403 `insufficient_scope`. Only the ' +
  'owner of the client sees it; another user’s client answers 404. See docs/webhooks.md.';

const WEBHOOK_EXAMPLE = {
  id: '0b7c2f1e-5d0a-4f8e-9a51-2d7e3c1b9f40',
  callback_url: 'https://ridesync.example.com/webhooks/pacekeeper',
  events: ['workout.created', 'workout.updated', 'workout.deleted', 'app.deauthorized'],
  is_enabled: true,
  disabled_reason: null,
  created_at: '2026-05-04T08:15:30.000Z',
} satisfies WebhookResponseDto;

const DELIVERY_EXAMPLE = {
  id: '6f1d8a4b-2c3e-4b5a-8d9e-0f1a2b3c4d5e',
  event: 'workout.created',
  status: 'pending',
  attempts: 2,
  last_status_code: 503,
  last_error: 'answered 503',
  next_attempt_at: '2026-05-04T08:17:00.000Z',
  occurred_at: '2026-05-04T08:16:00.000Z',
  delivered_at: null,
} satisfies WebhookDeliveryDto;

const notFound = (what: string): MethodDecorator =>
  ApiResponse({
    status: 404,
    description: what,
    schema: ENVELOPE_ERROR_SCHEMA,
    example: { status: 'not found', message: 'OAuth2 client not found' },
  });

const param = (name: string, description: string, example: string): MethodDecorator =>
  ApiParam({ name, description, schema: { type: 'string' }, example });

const clientParam = (): MethodDecorator =>
  param(
    'client_id',
    'The public `client_id` of one of the caller’s OAuth2 clients.',
    'hVL8Hw0sY1zB4sW9kQdJ2xTf',
  );
const webhookParam = (): MethodDecorator =>
  param('webhook_id', 'The subscription’s id (a UUID).', WEBHOOK_EXAMPLE.id);

const operation = (
  summary: string,
  description: string,
  extra: Record<string, unknown> = {},
): MethodDecorator =>
  ApiOperation({ summary, description: `${description} ${OWNER_ONLY}`, ...extra });

/** What the callback receives (OpenAPI callbacks; docs/webhooks.md#events). */
const eventCallback = (summary: string, model: Type): object => ({
  '{$request.body#/callback_url}': {
    post: {
      summary,
      description:
        'Signed with the `X-Pacekeeper-Signature` header (docs/webhooks.md#signatures). Any ' +
        '2xx answer accepts the delivery; anything else, or no answer in time, is retried.',
      security: [],
      requestBody: {
        required: true,
        content: { 'application/json': { schema: { $ref: getSchemaPath(model) } } },
      },
      responses: { '200': { description: 'Accepted (any 2xx).' } },
    },
  },
});

export const ApiListWebhooks = (): MethodDecorator =>
  applyDecorators(
    operation('List an application’s webhooks', 'The subscriptions of the client; no secret.'),
    clientParam(),
    ApiEnvelopeResponse(WebhookListDataDto, {
      description: 'The subscriptions.',
      example: { status: 'success', data: { webhooks: [WEBHOOK_EXAMPLE] } },
    }),
    notFound('`OAuth2 client not found`: no client of the caller has this client_id.'),
  );

export const ApiCreateWebhook = (): MethodDecorator =>
  applyDecorators(
    operation(
      'Subscribe to webhook events',
      'Verifies the callback first: `GET <callback_url>?hub.mode=subscribe&hub.challenge=<value>` ' +
        'must answer 2xx with `{"hub.challenge": "<value>"}` within the delivery timeout. The ' +
        'answer is the only one that carries `secret`, which signs every delivery. Event ' +
        'bodies are the `WorkoutWebhookEventDto` and `AppDeauthorizedWebhookEventDto` schemas.',
      {
        callbacks: {
          workoutEvent: eventCallback('A workout event', WorkoutWebhookEventDto),
          appDeauthorized: eventCallback(
            'The user deauthorized the application',
            AppDeauthorizedWebhookEventDto,
          ),
        },
      },
    ),
    clientParam(),
    ApiExtraModels(WorkoutWebhookEventDto, AppDeauthorizedWebhookEventDto),
    ApiBody({
      schema: {
        type: 'object',
        required: ['callback_url'],
        properties: {
          callback_url: {
            type: 'string',
            maxLength: CALLBACK_URL_MAX_LENGTH,
            description:
              'Absolute https URL resolving to public addresses; no credentials, no fragment.',
          },
          events: {
            type: 'array',
            items: { type: 'string', enum: [...ALL_WEBHOOK_EVENTS] },
            description: 'Event types to receive; all of them when absent.',
          },
        },
        example: {
          callback_url: WEBHOOK_EXAMPLE.callback_url,
          events: ['workout.created', 'workout.deleted'],
        },
      },
    }),
    ApiEnvelopeResponse(WebhookDataDto, {
      status: 201,
      description: 'The subscription, with its secret.',
      example: {
        status: 'created',
        data: {
          webhook: {
            ...WEBHOOK_EXAMPLE,
            secret: 'whsec_3q2-7wAAbG1fM0aXb9nK2pQeR7sT1uV4wX6yZ8a0cD4',
          },
        },
      },
    }),
    ApiErrors({
      400:
        '`a JSON object with callback_url is required`, `invalid callback_url: <reason>` (not an ' +
        'absolute https URL, credentials, fragment, a private, loopback or link-local address), ' +
        '`events must be a non-empty list of: <types>`, `5 webhooks per application maximum`, ' +
        'or `callback verification failed: <reason>` (unreachable, refused address, timeout, ' +
        'non-2xx answer, challenge not echoed).',
    }),
    notFound('`OAuth2 client not found`: no client of the caller has this client_id.'),
  );

export const ApiDeleteWebhook = (): MethodDecorator =>
  applyDecorators(
    operation('Delete a webhook', 'Deletes the subscription and its pending deliveries.'),
    clientParam(),
    webhookParam(),
    ApiResponse({ status: 204, description: 'Deleted.' }),
    notFound('`OAuth2 client not found` or `webhook not found`.'),
  );

export const ApiListWebhookDeliveries = (): MethodDecorator =>
  applyDecorators(
    operation(
      'List recent deliveries',
      'The 50 most recent deliveries of the subscription, newest first: status, attempts, ' +
        'last answer or error, next attempt.',
    ),
    clientParam(),
    webhookParam(),
    ApiEnvelopeResponse(WebhookDeliveryListDataDto, {
      description: 'Recent deliveries.',
      example: { status: 'success', data: { deliveries: [DELIVERY_EXAMPLE] } },
    }),
    notFound('`OAuth2 client not found` or `webhook not found`.'),
  );

export const ApiRedeliverWebhook = (): MethodDecorator =>
  applyDecorators(
    operation(
      'Redeliver an event',
      'Queues the event of a past delivery again, as a new delivery with a new id.',
    ),
    clientParam(),
    webhookParam(),
    param('delivery_id', 'The id of a delivery of this subscription.', DELIVERY_EXAMPLE.id),
    ApiEnvelopeResponse(WebhookDeliveryDataDto, {
      status: 201,
      description: 'The new delivery, pending.',
      example: {
        status: 'created',
        data: {
          delivery: {
            ...DELIVERY_EXAMPLE,
            attempts: 0,
            last_status_code: null,
            last_error: null,
          },
        },
      },
    }),
    notFound('`OAuth2 client not found`, `webhook not found` or `webhook delivery not found`.'),
  );
