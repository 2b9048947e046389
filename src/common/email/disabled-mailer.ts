import { Injectable } from '@nestjs/common';
import type { EmailMessage, Mailer } from 'src/common/email/mailer';

/** Email sending disabled (no EMAIL_URL): FitTrackee silently sends nothing. */
@Injectable()
export class DisabledMailer implements Mailer {
  send(_message: EmailMessage): Promise<void> {
    return Promise.resolve();
  }
}
