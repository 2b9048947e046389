import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DisabledMailer } from 'src/common/email/disabled-mailer';
import { MAILER, type Mailer } from 'src/common/email/mailer';
import { QueuedMailer } from 'src/common/email/queued-mailer';
import { SmtpEmailSender } from 'src/common/email/smtp-email.sender';
import type { AppConfig } from 'src/config/configuration';

/**
 * Real emails when EMAIL_URL is set; otherwise sending is disabled (FitTrackee `GET /api/config`).
 */
@Global()
@Module({
  providers: [
    DisabledMailer,
    SmtpEmailSender,
    QueuedMailer,
    {
      provide: MAILER,
      inject: [ConfigService, QueuedMailer, DisabledMailer],
      useFactory: (
        config: ConfigService<AppConfig, true>,
        queued: QueuedMailer,
        disabled: DisabledMailer,
      ): Mailer => (config.get('email.url', { infer: true }) === undefined ? disabled : queued),
    },
  ],
  exports: [MAILER],
})
export class EmailModule {}
