/**
 * The emails of docs/compatibility.md#emails, each with text and HTML templates in the user's
 * language.
 */
export type EmailTemplate =
  | 'account_confirmation'
  | 'password_reset_request'
  | 'password_change'
  | 'email_update_to_current_email'
  | 'email_update_to_new_email'
  | 'data_export_ready';

export interface EmailMessage {
  to: string;
  template: EmailTemplate;
  /** User language (`en`, `fr`, …); unknown languages fall back to English. */
  language: string;
  /** Template variables: username, links built from UI_URL, etc. */
  data: Readonly<Record<string, string>>;
}

/** Sends (or enqueues) an email; a no-op when email sending is disabled (no EMAIL_URL). */
export interface Mailer {
  send(message: EmailMessage): Promise<void>;
}

export const MAILER = Symbol('MAILER');
