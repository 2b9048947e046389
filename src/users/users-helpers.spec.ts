import { toExportRequestResponse } from 'src/users/export/dto/to-export-request-response';
import type { UserDataExport } from 'src/users/export/user-data-export.entity';
import { toPythonDateTime } from 'src/users/export/user-workouts-export';
import { hashToken, newConfirmationToken } from 'src/users/secrets';
import { readableDelay } from 'src/users/user-admin-notifier';
import { isValidEmail, normalizeLanguage, registerControls } from 'src/users/user-rules';

describe('registerControls (FitTrackee `POST /api/auth/register`)', () => {
  it('accepts valid values', () => {
    expect(registerControls('sam_1', 'sam@example.com', '12345678')).toBe('');
  });

  it('concatenates every message in order', () => {
    expect(registerControls('a!', 'x@y', '1234567')).toBe(
      'username: 3 to 30 characters required\n' +
        'username: only alphanumeric characters and the underscore character "_" allowed\n' +
        'email: valid email must be provided\n' +
        'password: 8 characters required\n',
    );
  });

  it.each([
    ['abc', ''],
    ['a'.repeat(30), ''],
    ['a'.repeat(31), 'username: 3 to 30 characters required\n'],
  ])('checks the username length of %s', (username, expected) => {
    expect(registerControls(username, 'a@b.co', '12345678')).toBe(expected);
  });
});

describe('user rules', () => {
  it.each([
    ['a.b+c@d-e.fr', true],
    ['a@b', false],
    ['', false],
    [42, false],
  ])('email %p valid: %p', (value, expected) => {
    expect(isValidEmail(value)).toBe(expected);
  });

  it.each([
    ['fr', 'fr'],
    ['xx', 'en'],
    [null, 'en'],
  ])('language %p → %p', (value, expected) => {
    expect(normalizeLanguage(value)).toBe(expected);
  });
});

describe('confirmation tokens', () => {
  it('are 40 URL-safe characters stored as their SHA-256', () => {
    const { token, hash } = newConfirmationToken();
    expect(token).toMatch(/^[\w-]{40}$/);
    expect(hash).toBe(hashToken(token));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('readableDelay (humanize.naturaldelta)', () => {
  it.each([
    [3600, 'an hour'],
    [7200, '2 hours'],
    [60, 'a minute'],
    [1800, '30 minutes'],
    [86400, 'a day'],
  ])('%d s → %s', (seconds, text) => {
    expect(readableDelay(seconds)).toBe(text);
  });
});

describe('toPythonDateTime (str(datetime))', () => {
  it('omits zero microseconds', () => {
    expect(toPythonDateTime(new Date('2023-04-01T07:30:00Z'))).toBe('2023-04-01 07:30:00');
  });

  it('prints six fraction digits otherwise', () => {
    expect(toPythonDateTime(new Date('2023-04-01T07:30:00.125Z'))).toBe(
      '2023-04-01 07:30:00.125000',
    );
  });
});

describe('toExportRequestResponse (FitTrackee `POST /api/auth/account/export/request`)', () => {
  const request = (completed: boolean, fileName: string | null): UserDataExport => ({
    id: 1,
    userId: 2,
    createdAt: new Date('2023-04-04T10:00:00Z'),
    updatedAt: null,
    completed,
    fileName,
    fileSize: fileName === null ? null : 1234,
  });

  it.each([
    [false, null, 'in_progress', null, null],
    [true, 'archive_x.zip', 'successful', 'archive_x.zip', 1234],
    [true, null, 'errored', null, null],
  ])('completed %p with file %p is %s', (completed, fileName, status, name, size) => {
    expect(toExportRequestResponse(request(completed, fileName))).toEqual({
      created_at: 'Tue, 04 Apr 2023 10:00:00 GMT',
      status,
      file_name: name,
      file_size: size,
    });
  });
});
