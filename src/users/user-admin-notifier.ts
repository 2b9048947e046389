import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AuthTokensService } from 'src/auth/auth-tokens.service';
import { MAILER, type Mailer } from 'src/common/email/mailer';
import type { AppConfig } from 'src/config/configuration';
import type { UserUpdate } from 'src/users/user-manager.service';
import { normalizeLanguage } from 'src/users/user-rules';

/** humanize's `naturaldelta` for the reset-link lifetime, e.g. 3600 → `an hour`. */
export function readableDelay(seconds: number): string {
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return minutes === 1 ? 'a minute' : `${minutes} minutes`;
  const hours = Math.round(seconds / 3600);
  if (hours < 24) return hours === 1 ? 'an hour' : `${hours} hours`;
  const days = Math.round(seconds / 86400);
  return days === 1 ? 'a day' : `${days} days`;
}

/**
 * Emails of the admin update (FitTrackee `PATCH /api/users/<username>`,
 * docs/compatibility.md#emails): password change + reset link for `reset_password`, a confirmation
 * link to the new address for `new_email`.
 */
@Injectable()
export class UserAdminNotifier {
  constructor(
    @Inject(MAILER) private readonly mailer: Mailer,
    private readonly tokens: AuthTokensService,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  async notify(update: UserUpdate): Promise<void> {
    const { user } = update;
    const uiUrl = this.config.get('app.uiUrl', { infer: true });
    const language = normalizeLanguage(user.language);
    const base = { username: user.username, fittrackee_url: uiUrl };
    if (update.newPassword !== null) {
      await this.mailer.send({ to: user.email, template: 'password_change', language, data: base });
      const resetToken = this.tokens.issuePasswordResetToken(user.id);
      const lifetime = this.config.get('auth.passwordTokenExpirationSeconds', { infer: true });
      await this.mailer.send({
        to: user.email,
        template: 'password_reset_request',
        language,
        data: {
          ...base,
          expiration_delay: readableDelay(lifetime),
          token: resetToken,
          password_reset_url: `${uiUrl}/password-reset?token=${resetToken}`,
        },
      });
    }
    if (update.confirmationToken !== null && user.emailToConfirm !== null) {
      await this.mailer.send({
        to: user.emailToConfirm,
        template: 'email_update_to_new_email',
        language,
        data: {
          ...base,
          token: update.confirmationToken,
          new_email: user.emailToConfirm,
          email_confirmation_url: `${uiUrl}/email-update?token=${update.confirmationToken}`,
        },
      });
    }
  }
}
