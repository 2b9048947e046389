import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, FirstPartyOnly } from 'src/auth/decorators';
import type { User } from 'src/users/user.entity';
import type {
  WebhookDeliveryDataDto,
  WebhookDeliveryListDataDto,
} from 'src/webhooks/dto/webhook-delivery.dto';
import type { WebhookDataDto, WebhookListDataDto } from 'src/webhooks/dto/webhook-response.dto';
import { WebhookSubscriptionsService } from 'src/webhooks/subscriptions/webhook-subscriptions.service';
import {
  ApiCreateWebhook,
  ApiDeleteWebhook,
  ApiListWebhookDeliveries,
  ApiListWebhooks,
  ApiRedeliverWebhook,
} from 'src/webhooks/subscriptions/webhooks-docs.decorator';

/** Webhook subscriptions of one of the caller's OAuth2 clients (docs/webhooks.md). */
@ApiTags('webhooks')
@Controller('oauth/apps/:client_id/webhooks')
export class WebhookSubscriptionsController {
  constructor(private readonly service: WebhookSubscriptionsService) {}

  @Get()
  @FirstPartyOnly()
  @ApiListWebhooks()
  list(
    @CurrentUser() user: User,
    @Param('client_id') clientId: string,
  ): Promise<WebhookListDataDto> {
    return this.service.list(user, clientId);
  }

  @Post()
  @FirstPartyOnly()
  @HttpCode(201)
  @ApiCreateWebhook()
  create(
    @CurrentUser() user: User,
    @Param('client_id') clientId: string,
    @Body() body: unknown,
  ): Promise<WebhookDataDto> {
    return this.service.create(user, clientId, body);
  }

  @Delete(':webhook_id')
  @FirstPartyOnly()
  @HttpCode(204)
  @ApiDeleteWebhook()
  remove(
    @CurrentUser() user: User,
    @Param('client_id') clientId: string,
    @Param('webhook_id') webhookId: string,
  ): Promise<void> {
    return this.service.remove(user, clientId, webhookId);
  }

  @Get(':webhook_id/deliveries')
  @FirstPartyOnly()
  @ApiListWebhookDeliveries()
  deliveries(
    @CurrentUser() user: User,
    @Param('client_id') clientId: string,
    @Param('webhook_id') webhookId: string,
  ): Promise<WebhookDeliveryListDataDto> {
    return this.service.deliveries(user, clientId, webhookId);
  }

  @Post(':webhook_id/deliveries/:delivery_id/redeliver')
  @FirstPartyOnly()
  @HttpCode(201)
  @ApiRedeliverWebhook()
  redeliver(
    @CurrentUser() user: User,
    @Param('client_id') clientId: string,
    @Param('webhook_id') webhookId: string,
    @Param('delivery_id') deliveryId: string,
  ): Promise<WebhookDeliveryDataDto> {
    return this.service.redeliver(user, clientId, webhookId, deliveryId);
  }
}
