import { columnLength } from 'src/common/validation/column-length';
import { User } from 'src/users/user.entity';

/**
 * FitTrackee's account rules (FitTrackee `POST /api/auth/register`) and supported languages
 * (docs/compatibility.md#constants).
 */
export const EMAIL_PATTERN = /^[a-zA-Z0-9_.+-]+@[a-zA-Z0-9-]+\.[a-zA-Z0-9-.]+$/;

const USERNAME_PATTERN = /^[a-zA-Z0-9_]+$/;

/** FitTrackee's username length rule, well within the column. */
export const USERNAME_MAX_LENGTH = 30;

/**
 * An address longer than the `users.email` column cannot be stored, so it is not a valid email
 * (FitTrackee's `valid email must be provided`, where it failed in the database with a 500).
 */
export const EMAIL_MAX_LENGTH = columnLength(User, 'email') ?? 255;

export const LANGUAGES = ['en', 'fr', 'de', 'it', 'nb', 'nl', 'es', 'gl', 'pl', 'eu'] as const;

export function isValidEmail(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value !== '' &&
    value.length <= EMAIL_MAX_LENGTH &&
    EMAIL_PATTERN.test(value)
  );
}

/** Anything but a supported language becomes `en` (FitTrackee user model). */
export function normalizeLanguage(value: unknown): string {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
    ? value
    : 'en';
}

/**
 * Both username checks run; their messages are concatenated (FitTrackee `POST /api/auth/register`).
 */
export function usernameErrors(username: string): string {
  let errors = '';
  if (username.length < 3 || username.length > USERNAME_MAX_LENGTH)
    errors += 'username: 3 to 30 characters required\n';
  if (!USERNAME_PATTERN.test(username))
    errors += 'username: only alphanumeric characters and the underscore character "_" allowed\n';
  return errors;
}

export function emailError(email: string): string {
  return isValidEmail(email) ? '' : 'email: valid email must be provided\n';
}

export function passwordError(password: string): string {
  return password.length < 8 ? 'password: 8 characters required\n' : '';
}

/**
 * FitTrackee's `register_controls` (FitTrackee `POST /api/auth/register`): username, email then
 * password checks, every failing message concatenated, each ending with `\n`. Empty string when all pass.
 */
export function registerControls(username: string, email: string, password: string): string {
  return usernameErrors(username) + emailError(email) + passwordError(password);
}
