/** FitTrackee's account rules (spec auth.md §1.1) and supported languages (spec config.md §3). */
export const EMAIL_PATTERN = /^[a-zA-Z0-9_.+-]+@[a-zA-Z0-9-]+\.[a-zA-Z0-9-.]+$/;

export const LANGUAGES = ['en', 'fr', 'de', 'it', 'nb', 'nl', 'es', 'gl', 'pl', 'eu'] as const;

export function normaliseLanguage(value: unknown): string {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
    ? value
    : 'en';
}

/** Both username checks run; their messages are concatenated (spec auth.md §1.1). */
export function usernameErrors(username: string): string {
  let errors = '';
  if (username.length < 3 || username.length > 30)
    errors += 'username: 3 to 30 characters required\n';
  if (!/^[a-zA-Z0-9_]+$/.test(username))
    errors += 'username: only alphanumeric characters and the underscore character "_" allowed\n';
  return errors;
}

export function emailError(email: string): string {
  return email !== '' && EMAIL_PATTERN.test(email) ? '' : 'email: valid email must be provided\n';
}

export function passwordError(password: string): string {
  return password.length < 8 ? 'password: 8 characters required\n' : '';
}
