import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createTransport, type Transporter } from 'nodemailer';
import { parseEmailUrl } from 'src/common/email/email-url';
import type { EmailMessage } from 'src/common/email/mailer';
import { renderEmail } from 'src/common/email/render-email';
import type { AppConfig } from 'src/config/configuration';

/** Renders and sends one email over SMTP from EMAIL_URL; runs inside the `send_email` job. */
@Injectable()
export class SmtpEmailSender implements OnApplicationShutdown {
  private transport: Transporter | undefined;

  constructor(private readonly config: ConfigService<AppConfig, true>) {}

  async send(message: EmailMessage): Promise<void> {
    const email = renderEmail(message, this.config.get('app.uiUrl', { infer: true }));
    await this.transporter().sendMail({
      from: this.config.get('email.sender', { infer: true }),
      to: message.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
    });
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }

  private transporter(): Transporter {
    if (this.transport) return this.transport;
    const url = this.config.get('email.url', { infer: true });
    if (url === undefined) throw new Error('email sending is disabled (no EMAIL_URL)');
    const smtp = parseEmailUrl(url);
    // Without ?tls=True FitTrackee never upgrades the connection; do not try STARTTLS either.
    this.transport = createTransport({
      host: smtp.host,
      port: smtp.port,
      secure: smtp.useSsl,
      requireTLS: smtp.useTls,
      ignoreTLS: !smtp.useTls && !smtp.useSsl,
      ...(smtp.username === undefined
        ? {}
        : { auth: { user: smtp.username, pass: smtp.password ?? '' } }),
    });
    return this.transport;
  }
}
