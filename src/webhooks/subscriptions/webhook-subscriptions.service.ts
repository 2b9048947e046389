import { randomBytes, randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InvalidPayloadError, NotFoundError } from 'src/common/errors/http-errors';
import type { AppConfig } from 'src/config/configuration';
import type { OAuth2Client } from 'src/oauth2/clients/oauth2-client.entity';
import { OAuth2ClientsService } from 'src/oauth2/clients/oauth2-clients.service';
import type { User } from 'src/users/user.entity';
import { verifyCallback } from 'src/webhooks/delivery/handshake';
import { subscriptionSecret } from 'src/webhooks/delivery/signer';
import type {
  WebhookDeliveryDataDto,
  WebhookDeliveryListDataDto,
} from 'src/webhooks/dto/webhook-delivery.dto';
import type { WebhookDataDto, WebhookListDataDto } from 'src/webhooks/dto/webhook-response.dto';
import { parseSubscriptionInput } from 'src/webhooks/subscriptions/subscription-input';
import {
  toDeliveryResponse,
  toWebhookResponse,
} from 'src/webhooks/subscriptions/to-webhook-response';
import {
  type SubscriptionRow,
  WebhookSubscriptionsRepository,
} from 'src/webhooks/subscriptions/webhook-subscriptions.repository';

/** Subscriptions per application (docs/webhooks.md#subscriptions). */
export const MAX_WEBHOOKS_PER_CLIENT = 5;
const RECENT_DELIVERIES = 50;

/** The owner's management of an OAuth2 client's webhooks (docs/webhooks.md#subscriptions). */
@Injectable()
export class WebhookSubscriptionsService {
  constructor(
    private readonly clients: OAuth2ClientsService,
    private readonly subscriptions: WebhookSubscriptionsRepository,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  async list(user: User, clientId: string): Promise<WebhookListDataDto> {
    const client = await this.requireClient(user, clientId);
    const rows = await this.subscriptions.listForClient(client.id);
    return { webhooks: rows.map((row) => toWebhookResponse(row)) };
  }

  /** The callback is verified (handshake) before anything is stored. */
  async create(user: User, clientId: string, body: unknown): Promise<WebhookDataDto> {
    const client = await this.requireClient(user, clientId);
    const settings = this.config.get('webhooks', { infer: true });
    const input = parseSubscriptionInput(body, settings.isPrivateTargetAllowed);
    if ((await this.subscriptions.countForClient(client.id)) >= MAX_WEBHOOKS_PER_CLIENT)
      throw new InvalidPayloadError(`${MAX_WEBHOOKS_PER_CLIENT} webhooks per application maximum`);
    await verifyCallback(input.callbackUrl, settings.timeoutMs, settings.isPrivateTargetAllowed);
    const secretSeed = randomBytes(32).toString('hex');
    const row = await this.subscriptions.insert(client.id, {
      uuid: randomUUID(),
      callbackUrl: input.callbackUrl.href,
      events: input.events,
      secretSeed,
    });
    const serverKey = this.config.get('app.secretKey', { infer: true });
    return { webhook: toWebhookResponse(row, subscriptionSecret(serverKey, secretSeed)) };
  }

  async remove(user: User, clientId: string, webhookId: string): Promise<void> {
    const subscription = await this.requireSubscription(user, clientId, webhookId);
    await this.subscriptions.remove(subscription.id);
  }

  async deliveries(
    user: User,
    clientId: string,
    webhookId: string,
  ): Promise<WebhookDeliveryListDataDto> {
    const subscription = await this.requireSubscription(user, clientId, webhookId);
    const rows = await this.subscriptions.recentDeliveries(subscription.id, RECENT_DELIVERIES);
    return { deliveries: rows.map(toDeliveryResponse) };
  }

  async redeliver(
    user: User,
    clientId: string,
    webhookId: string,
    deliveryId: string,
  ): Promise<WebhookDeliveryDataDto> {
    const subscription = await this.requireSubscription(user, clientId, webhookId);
    const row = await this.subscriptions.redeliver(subscription.id, deliveryId);
    if (row === undefined) throw new NotFoundError('webhook delivery not found');
    return { delivery: toDeliveryResponse(row) };
  }

  private async requireClient(user: User, clientId: string): Promise<OAuth2Client> {
    const client = await this.clients.findOwnedByClientId(user, clientId);
    if (client === null) throw new NotFoundError('OAuth2 client not found');
    return client;
  }

  private async requireSubscription(
    user: User,
    clientId: string,
    webhookId: string,
  ): Promise<SubscriptionRow> {
    const client = await this.requireClient(user, clientId);
    const subscription = await this.subscriptions.find(client.id, webhookId);
    if (subscription === undefined) throw new NotFoundError('webhook not found');
    return subscription;
  }
}
