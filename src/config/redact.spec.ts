import { redactUrlPassword, redactValue } from 'src/config/redact';

describe('redactValue', () => {
  it('hides the password of a URL and keeps the rest', () => {
    expect(redactValue('DATABASE_URL', 'postgresql://pk:s3cr%40t@db:5432/pk')).toBe(
      'postgresql://pk:***@db:5432/pk',
    );
    expect(redactValue('REDIS_URL', 'redis://:hunter2@cache:6379/0')).toBe(
      'redis://:***@cache:6379/0',
    );
    expect(redactUrlPassword('postgresql://pk@db/pk')).toBe('postgresql://pk@db/pk');
  });

  it('hides a malformed URL password too', () => {
    expect(redactValue('DATABASE_URL', 'postgres://u:p w@ho st:abc/x')).not.toContain('p w');
  });

  it('hides whole-value secrets', () => {
    expect(redactValue('APP_SECRET_KEY', 'short')).toBe('[redacted]');
    expect(redactValue('WEATHER_API_KEY', 'abc')).toBe('[redacted]');
  });

  it('keeps ordinary values', () => {
    expect(redactValue('PORT', 'abc')).toBe('abc');
  });
});
