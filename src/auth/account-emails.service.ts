import { Inject, Injectable } from '@nestjs/common';
import { type EmailTemplate, MAILER, type Mailer } from 'src/common/email/mailer';
import type { User } from 'src/users/user.entity';

/**
 * The account emails of docs/compatibility.md#emails. The mailer queues them (job `send_email`) and
 * is a no-op when email sending is disabled. Tokens travel only inside the email links.
 */
@Injectable()
export class AccountEmailsService {
  constructor(@Inject(MAILER) private readonly mailer: Mailer) {}

  sendAccountConfirmation(user: User, token: string, device: string): Promise<void> {
    return this.send(user, user.email, 'account_confirmation', { token, device });
  }

  sendPasswordResetRequest(user: User, token: string, device: string): Promise<void> {
    return this.send(user, user.email, 'password_reset_request', { token, device });
  }

  sendPasswordChange(user: User, device: string): Promise<void> {
    return this.send(user, user.email, 'password_change', { device });
  }

  /** One email to the current address, one with the confirmation link to the new one. */
  async sendEmailUpdate(
    user: User,
    newEmail: string,
    token: string,
    device: string,
  ): Promise<void> {
    await this.send(user, user.email, 'email_update_to_current_email', {
      new_email: newEmail,
      device,
    });
    await this.send(user, newEmail, 'email_update_to_new_email', { token, device });
  }

  private send(
    user: User,
    to: string,
    template: EmailTemplate,
    data: Record<string, string>,
  ): Promise<void> {
    return this.mailer.send({
      to,
      template,
      language: user.language,
      data: { username: user.username, ...data },
    });
  }
}
