import { emailError, normalizeLanguage, passwordError, usernameErrors } from 'src/users/user-rules';

describe('account rules (FitTrackee `POST /api/auth/register`)', () => {
  it.each(['sam', 'a'.repeat(30), 'Sam_1'])('accepts username %p', (username) => {
    expect(usernameErrors(username)).toBe('');
  });

  it('refuses 1- and 31-character usernames', () => {
    expect(usernameErrors('a')).toBe('username: 3 to 30 characters required\n');
    expect(usernameErrors('a'.repeat(31))).toBe('username: 3 to 30 characters required\n');
  });

  it('concatenates both username errors', () => {
    expect(usernameErrors('*')).toBe(
      'username: 3 to 30 characters required\n' +
        'username: only alphanumeric characters and the underscore character "_" allowed\n',
    );
  });

  it.each(['', 'test', 'test@', 'a b@c.d'])('refuses email %p', (email) => {
    expect(emailError(email)).toBe('email: valid email must be provided\n');
  });

  it('accepts a plain email', () => {
    expect(emailError('sam.smith+x@example.org')).toBe('');
  });

  it('needs 8 password characters', () => {
    expect(passwordError('1234567')).toBe('password: 8 characters required\n');
    expect(passwordError('12345678')).toBe('');
  });

  it.each([
    ['fr', 'fr'],
    ['eu', 'eu'],
    ['xx', 'en'],
    [null, 'en'],
    [3, 'en'],
  ])('normalises language %p to %p', (value, expected) => {
    expect(normalizeLanguage(value)).toBe(expected);
  });
});
