import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { EmailMessage, EmailTemplate, Mailer } from 'src/common/email/mailer';
import { SmtpEmailSender } from 'src/common/email/smtp-email.sender';
import { JOB_QUEUE, type JobQueue } from 'src/common/jobs/job-queue';
import type { AppConfig } from 'src/config/configuration';

export const SEND_EMAIL_JOB = 'send_email';

const TEMPLATES: readonly EmailTemplate[] = [
  'account_confirmation',
  'password_reset_request',
  'password_change',
  'email_update_to_current_email',
  'email_update_to_new_email',
  'data_export_ready',
];

/** A job payload comes back from Redis as plain JSON: check it before use. */
export function toEmailMessage(payload: Readonly<Record<string, unknown>>): EmailMessage {
  const { to, template, language, data } = payload;
  const isStringRecord =
    typeof data === 'object' &&
    data !== null &&
    Object.values(data).every((value) => typeof value === 'string');
  if (
    typeof to !== 'string' ||
    typeof language !== 'string' ||
    !TEMPLATES.includes(template as EmailTemplate) ||
    !isStringRecord
  )
    throw new Error('malformed send_email job');
  return {
    to,
    template: template as EmailTemplate,
    language,
    data: data as Record<string, string>,
  };
}

/**
 * Emails leave the request through the job queue (docs/compatibility.md#emails: queued, then sent).
 */
@Injectable()
export class QueuedMailer implements Mailer, OnModuleInit {
  constructor(
    @Inject(JOB_QUEUE) private readonly jobs: JobQueue,
    private readonly sender: SmtpEmailSender,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  onModuleInit(): void {
    if (this.config.get('email.url', { infer: true }) === undefined) return;
    this.jobs.register(SEND_EMAIL_JOB, (payload) => this.sender.send(toEmailMessage(payload)));
  }

  send(message: EmailMessage): Promise<void> {
    return this.jobs.enqueue(SEND_EMAIL_JOB, { ...message });
  }
}
