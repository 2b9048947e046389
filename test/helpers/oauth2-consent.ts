import type { Response } from 'supertest';

/** The session cookie pair (`name=value`) from a consent page response. */
export function consentCookie(res: Response): string {
  const header = res.headers['set-cookie'] as unknown;
  const cookies = Array.isArray(header) ? (header as string[]) : [];
  const cookie = cookies.find((c) => c.startsWith('pacekeeper_consent='));
  if (cookie === undefined) throw new Error('no consent session cookie');
  return cookie.split(';')[0] ?? '';
}

/** The CSRF token embedded in a consent page form. */
export function csrfToken(html: string): string {
  const match = /name="csrf_token" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('no csrf token in page');
  return match[1];
}
