import type { EmailTemplate } from 'src/common/email/mailer';
import type { EmailContent, TemplateContext } from 'src/common/email/templates/email-content';

const signature = 'The Pacekeeper team';
const device = (c: TemplateContext): string[] =>
  c.device === '' ? [] : [`This request was made from: ${c.device}.`];

/** English emails (docs/compatibility.md#emails). */
export const EN: Record<EmailTemplate, (c: TemplateContext) => EmailContent> = {
  account_confirmation: (c) => ({
    subject: 'Confirm your account',
    greeting: `Hi ${c.username},`,
    paragraphs: ['Welcome! Please confirm your email address to activate your account.'],
    action: { label: 'Confirm my account', url: c.link },
    notes: [...device(c), 'If you did not create this account, you can ignore this email.'],
    signature,
  }),
  password_reset_request: (c) => ({
    subject: 'Password reset request',
    greeting: `Hi ${c.username},`,
    paragraphs: ['You asked to reset your password. Use the link below to choose a new one.'],
    action: { label: 'Reset my password', url: c.link },
    notes: [
      'For security reasons, this link expires in an hour.',
      ...device(c),
      'If you did not ask for a new password, you can ignore this email.',
    ],
    signature,
  }),
  password_change: (c) => ({
    subject: 'Password changed',
    greeting: `Hi ${c.username},`,
    paragraphs: ['The password of your account has just been changed.'],
    notes: [...device(c), 'If you did not change it, please contact the administrator.'],
    signature,
  }),
  email_update_to_current_email: (c) => ({
    subject: 'Email address change request',
    greeting: `Hi ${c.username},`,
    paragraphs: [`A change of your account email address to ${c.newEmail} was requested.`],
    notes: [...device(c), 'If you did not ask for this change, please contact the administrator.'],
    signature,
  }),
  email_update_to_new_email: (c) => ({
    subject: 'Confirm your new email address',
    greeting: `Hi ${c.username},`,
    paragraphs: ['Please confirm this address as the new email address of your account.'],
    action: { label: 'Confirm my email address', url: c.link },
    notes: [...device(c), 'If you did not ask for this change, you can ignore this email.'],
    signature,
  }),
  data_export_ready: (c) => ({
    subject: 'Your data export is ready',
    greeting: `Hi ${c.username},`,
    paragraphs: ['The archive with your data is ready. You can download it from your account.'],
    action: { label: 'Download my archive', url: c.link },
    notes: ['The archive stays available for a limited time.'],
    signature,
  }),
};
