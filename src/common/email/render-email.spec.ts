import type { EmailTemplate } from 'src/common/email/mailer';
import { renderEmail } from 'src/common/email/render-email';

const UI = 'https://fit.example.org';
const ALL: EmailTemplate[] = [
  'account_confirmation',
  'password_reset_request',
  'password_change',
  'email_update_to_current_email',
  'email_update_to_new_email',
  'data_export_ready',
];

describe('renderEmail (docs/compatibility.md#emails)', () => {
  it('links the account confirmation page with the token', () => {
    const email = renderEmail(
      {
        to: 'a@b.c',
        template: 'account_confirmation',
        language: 'en',
        data: { username: 'sam', token: 'abc' },
      },
      UI,
    );
    expect(email.subject).toBe('Confirm your account');
    expect(email.text).toContain('Hi sam,');
    expect(email.text).toContain(`${UI}/account-confirmation?token=abc`);
    expect(email.html).toContain(`<a href="${UI}/account-confirmation?token=abc">`);
  });

  it.each([
    ['password_reset_request', '/password-reset?token=t1'],
    ['email_update_to_new_email', '/email-update?token=t1'],
    ['data_export_ready', '/profile/edit/account'],
  ] as const)('links %s to %s', (template, path) => {
    const email = renderEmail(
      { to: 'a@b.c', template, language: 'en', data: { username: 'sam', token: 't1' } },
      UI,
    );
    expect(email.text).toContain(`${UI}${path}`);
  });

  it('renders French for a French user', () => {
    const email = renderEmail(
      {
        to: 'a@b.c',
        template: 'password_reset_request',
        language: 'fr',
        data: { username: 'sam', token: 't' },
      },
      UI,
    );
    expect(email.subject).toBe('Réinitialisation du mot de passe');
    expect(email.text).toContain('Bonjour sam,');
    expect(email.text).toContain('expire dans une heure');
  });

  it('falls back to English for another language', () => {
    const email = renderEmail(
      { to: 'a@b.c', template: 'password_change', language: 'de', data: { username: 'sam' } },
      UI,
    );
    expect(email.subject).toBe('Password changed');
  });

  it('names the new address in the email sent to the current one', () => {
    const email = renderEmail(
      {
        to: 'a@b.c',
        template: 'email_update_to_current_email',
        language: 'en',
        data: { username: 'sam', new_email: 'new@b.c' },
      },
      UI,
    );
    expect(email.text).toContain('new@b.c');
  });

  it('escapes HTML in user values', () => {
    const email = renderEmail(
      { to: 'a@b.c', template: 'password_change', language: 'en', data: { username: '<b>x</b>' } },
      UI,
    );
    expect(email.html).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(email.html).not.toContain('<b>x</b>');
  });

  it.each(ALL.flatMap((t) => [[t, 'en'] as const, [t, 'fr'] as const]))(
    'renders %s in %s with text and HTML',
    (template, language) => {
      const email = renderEmail(
        {
          to: 'a@b.c',
          template,
          language,
          data: { username: 'sam', token: 't', new_email: 'n@b.c' },
        },
        UI,
      );
      expect(email.subject).not.toBe('');
      expect(email.text).toContain('sam');
      expect(email.html).toMatch(/^<!DOCTYPE html>/);
    },
  );
});
