import { Module } from '@nestjs/common';
import { OAuth2Module } from 'src/oauth2/oauth2.module';
import { OutboxRepository } from 'src/webhooks/dispatch/outbox.repository';
import { WebhookDispatchTrigger } from 'src/webhooks/dispatch/webhook-dispatch-trigger.service';
import { WebhookDispatcher } from 'src/webhooks/dispatch/webhook-dispatcher.service';
import { WebhookSubscriptionsController } from 'src/webhooks/subscriptions/webhook-subscriptions.controller';
import { WebhookSubscriptionsRepository } from 'src/webhooks/subscriptions/webhook-subscriptions.repository';
import { WebhookSubscriptionsService } from 'src/webhooks/subscriptions/webhook-subscriptions.service';

/**
 * Webhooks of OAuth2 applications (docs/webhooks.md). Writers elsewhere only call the outbox
 * functions (src/webhooks/outbox) inside their transactions; this module delivers.
 */
@Module({
  imports: [OAuth2Module],
  controllers: [WebhookSubscriptionsController],
  providers: [
    WebhookSubscriptionsRepository,
    WebhookSubscriptionsService,
    OutboxRepository,
    WebhookDispatcher,
    WebhookDispatchTrigger,
  ],
  exports: [WebhookDispatcher],
})
export class WebhooksModule {}
