import { randomUUID } from 'node:crypto';

import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig, WebhookSettings } from 'src/config/configuration';
import { sendOutbound } from 'src/webhooks/delivery/outbound-request';
import { signPayload, subscriptionSecret, WEBHOOK_HEADERS } from 'src/webhooks/delivery/signer';
import { eventBody } from 'src/webhooks/dispatch/event-body';
import {
  type AttemptResult,
  type ClaimedSubscription,
  type DueDelivery,
  OutboxRepository,
} from 'src/webhooks/dispatch/outbox.repository';
import { afterFailure } from 'src/webhooks/dispatch/retry-policy';

const FAN_OUT_BATCH = 500;
const SUBSCRIPTIONS_PER_RUN = 16;
/** Deliveries to one subscription per run, so that one busy subscription cannot hold a run. */
const DELIVERIES_PER_SUBSCRIPTION = 200;
const MAX_ERROR_LENGTH = 500;
/** Finished deliveries are listed this long (docs/webhooks.md#retries), then forgotten. */
const KEPT_DAYS = 7;
const PRUNE_EVERY_MS = 3600_000;
/** Pending deliveries read at once, in order. */
const BATCH = 50;
const MAX_ANSWER_BYTES = 1024;

/**
 * Delivers the outbox (docs/webhooks.md#delivery): at least once, signed, in event order per
 * subscription, with retries; safe to run in several processes at once.
 */
@Injectable()
export class WebhookDispatcher {
  private readonly logger = new Logger('Webhooks');
  private running: Promise<void> | undefined;
  private prunedAt = 0;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  /** One pass; a pass already under way in this process is joined, not doubled. */
  runOnce(): Promise<void> {
    this.running ??= this.pass().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Resolves once no pass is under way (shutdown). */
  async idle(): Promise<void> {
    await this.running;
  }

  private async pass(): Promise<void> {
    try {
      while ((await this.outbox.fanOut(FAN_OUT_BATCH)) === FAN_OUT_BATCH);
      if (Date.now() - this.prunedAt > PRUNE_EVERY_MS) {
        this.prunedAt = Date.now();
        await this.outbox.prune(KEPT_DAYS);
      }
      const settings = this.settings();
      const token = randomUUID();
      const claimed = await this.outbox.claimSubscriptions(
        token,
        leaseMs(settings),
        SUBSCRIPTIONS_PER_RUN,
      );
      await Promise.all(claimed.map((subscription) => this.drain(subscription, token, settings)));
    } catch (error) {
      this.logger.warn(`webhook dispatch: ${(error as Error).message}`);
    }
  }

  /** Delivers the subscription's due deliveries in order while the lease holds. */
  private async drain(
    subscription: ClaimedSubscription,
    token: string,
    settings: WebhookSettings,
  ): Promise<void> {
    // A run ends in bounded time: on Redis it holds a worker that other jobs share.
    const deadline = Date.now() + Math.max(5000, settings.timeoutMs * 4);
    const lease = { subscriptionId: subscription.id, token, ms: leaseMs(settings) };
    let sent = 0;
    try {
      while (sent < DELIVERIES_PER_SUBSCRIPTION && Date.now() < deadline) {
        const batch = await this.outbox.pendingInOrder(subscription.id, BATCH);
        let isHolding = batch.length > 0;
        for (const delivery of batch) {
          const isDue = new Date(delivery.next_attempt_at).getTime() <= Date.now();
          isHolding = isDue && (await this.attempt(subscription, delivery, lease, settings));
          sent += 1;
          // A later delivery waits for an earlier one: per-subscription order.
          if (!isHolding) break;
        }
        if (!isHolding) break;
      }
    } catch (error) {
      this.logger.warn(`webhook dispatch: ${(error as Error).message}`);
    }
    await this.outbox.releaseLease(subscription.id, token).catch(() => undefined);
  }

  /** One attempt and its outcome; true when delivered and the lease still held. */
  private async attempt(
    subscription: ClaimedSubscription,
    delivery: DueDelivery,
    lease: { subscriptionId: number; token: string; ms: number },
    settings: WebhookSettings,
  ): Promise<boolean> {
    const result = await this.post(subscription, delivery, settings);
    if (result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300)
      return this.outbox.markDelivered(delivery, lease, result.statusCode);
    const decision = afterFailure(delivery.attempts + 1, new Date(delivery.created_at), settings);
    const failingSince = await this.outbox.markFailed(
      delivery,
      subscription.id,
      result,
      decision.kind === 'retry' ? decision.at : null,
    );
    if (Date.now() - new Date(failingSince).getTime() >= settings.disableAfterMs)
      await this.outbox.disable(
        subscription.id,
        `deliveries failing since ${new Date(failingSince).toISOString()}; last: ${result.error ?? ''}`,
      );
    return false;
  }

  private async post(
    subscription: ClaimedSubscription,
    delivery: DueDelivery,
    settings: WebhookSettings,
  ): Promise<AttemptResult> {
    const body = eventBody(delivery.uuid, subscription.public_client_id, delivery);
    const secret = subscriptionSecret(
      this.config.get('app.secretKey', { infer: true }),
      subscription.secret_seed,
    );
    const timestamp = Math.floor(Date.now() / 1000);
    try {
      const answer = await sendOutbound({
        method: 'POST',
        url: new URL(subscription.callback_url),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Pacekeeper-Webhooks',
          [WEBHOOK_HEADERS.DELIVERY]: delivery.uuid,
          [WEBHOOK_HEADERS.EVENT]: delivery.type,
          [WEBHOOK_HEADERS.TIMESTAMP]: String(timestamp),
          [WEBHOOK_HEADERS.SIGNATURE]: signPayload(secret, timestamp, body),
        },
        body,
        timeoutMs: settings.timeoutMs,
        isPrivateAllowed: settings.isPrivateTargetAllowed,
        maxBodyBytes: MAX_ANSWER_BYTES,
      });
      const isSuccess = answer.status >= 200 && answer.status < 300;
      return { statusCode: answer.status, error: isSuccess ? null : `answered ${answer.status}` };
    } catch (error) {
      return { statusCode: null, error: (error as Error).message.slice(0, MAX_ERROR_LENGTH) };
    }
  }

  private settings(): WebhookSettings {
    return this.config.get('webhooks', { infer: true });
  }
}

/** Long enough for one attempt and its bookkeeping; a killed process's lease expires after it. */
function leaseMs(settings: WebhookSettings): number {
  return settings.timeoutMs * 2 + 1000;
}
