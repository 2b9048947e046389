/** FitTrackee's email rule (spec auth.md §1.1). */
export const EMAIL_PATTERN = /^[a-zA-Z0-9_.+-]+@[a-zA-Z0-9-]+\.[a-zA-Z0-9-.]+$/;

const USERNAME_PATTERN = /^[a-zA-Z0-9_]+$/;

/** Languages FitTrackee knows (spec auth.md §1); anything else becomes `en`. */
export const LANGUAGES = ['en', 'fr', 'de', 'it', 'nb', 'nl', 'es', 'gl', 'pl', 'eu'] as const;

export function isValidEmail(value: unknown): value is string {
  return typeof value === 'string' && value !== '' && EMAIL_PATTERN.test(value);
}

export function normalizeLanguage(language: string | null | undefined): string {
  return (LANGUAGES as readonly string[]).includes(language ?? '') ? (language ?? 'en') : 'en';
}

/**
 * FitTrackee's `register_controls` (spec auth.md §1.1): username, email then password checks,
 * every failing message concatenated, each ending with `\n`. Empty string when all pass.
 */
export function registerControls(username: string, email: string, password: string): string {
  let errors = '';
  if (username.length < 3 || username.length > 30)
    errors += 'username: 3 to 30 characters required\n';
  if (!USERNAME_PATTERN.test(username))
    errors += 'username: only alphanumeric characters and the underscore character "_" allowed\n';
  if (!isValidEmail(email)) errors += 'email: valid email must be provided\n';
  if (password.length < 8) errors += 'password: 8 characters required\n';
  return errors;
}
