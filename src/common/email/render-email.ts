import type { EmailMessage, EmailTemplate } from 'src/common/email/mailer';
import type { EmailContent, TemplateContext } from 'src/common/email/templates/email-content';
import { EN } from 'src/common/email/templates/en';
import { FR } from 'src/common/email/templates/fr';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const TEMPLATES = { en: EN, fr: FR } as const;

/** Paths of the web client pages the emails link to (docs/compatibility.md#emails). */
function linkOf(template: EmailTemplate, uiUrl: string, token: string): string {
  const withToken = (path: string): string => `${uiUrl}${path}?token=${encodeURIComponent(token)}`;
  switch (template) {
    case 'account_confirmation':
      return withToken('/account-confirmation');
    case 'password_reset_request':
      return withToken('/password-reset');
    case 'email_update_to_new_email':
      return withToken('/email-update');
    case 'data_export_ready':
      return `${uiUrl}/profile/edit/account`;
    default:
      return '';
  }
}

function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function toText(content: EmailContent): string {
  const blocks = [content.greeting, ...content.paragraphs];
  if (content.action) blocks.push(`${content.action.label}: ${content.action.url}`);
  return [...blocks, ...content.notes, content.signature].join('\n\n') + '\n';
}

function toHtml(content: EmailContent, language: string): string {
  const p = (text: string): string => `<p>${escapeHtml(text)}</p>`;
  const action = content.action
    ? `<p><a href="${escapeHtml(content.action.url)}">${escapeHtml(content.action.label)}</a></p>` +
      `<p>${escapeHtml(content.action.url)}</p>`
    : '';
  return [
    `<!DOCTYPE html><html lang="${language}"><head><meta charset="utf-8">`,
    `<title>${escapeHtml(content.subject)}</title></head><body>`,
    p(content.greeting),
    ...content.paragraphs.map(p),
    action,
    ...content.notes.map(p),
    p(content.signature),
    '</body></html>',
  ].join('\n');
}

/**
 * Renders one email in the user's language (fallback English, docs/compatibility.md#emails). `data`
 * keys: `username`, `token` (confirmation / reset / email-update token), `new_email`, `device`.
 */
export function renderEmail(message: EmailMessage, uiUrl: string): RenderedEmail {
  const language = message.language in TEMPLATES ? message.language : 'en';
  const templates = TEMPLATES[language as keyof typeof TEMPLATES];
  const context: TemplateContext = {
    username: message.data['username'] ?? '',
    uiUrl,
    link: linkOf(message.template, uiUrl, message.data['token'] ?? ''),
    newEmail: message.data['new_email'] ?? '',
    device: message.data['device'] ?? '',
  };
  const content = templates[message.template](context);
  return { subject: content.subject, text: toText(content), html: toHtml(content, language) };
}
