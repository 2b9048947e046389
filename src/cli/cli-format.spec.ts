import { configLines } from 'src/cli/commands/config.command';
import { describeUrl, REDACTED, redactValue } from 'src/cli/redact';
import { formatDate, formatTable } from 'src/cli/table';
import { buildAppConfig } from 'src/config/configuration';

describe('formatTable', () => {
  it('aligns every column on its widest cell, without trailing blanks', () => {
    expect(
      formatTable(
        ['NAME', 'ADMIN'],
        [
          ['alexandra', 'yes'],
          ['bo', 'no'],
        ],
        'none',
      ),
    ).toBe('NAME       ADMIN\nalexandra  yes\nbo         no');
  });

  it('prints the empty message instead of a lonely header', () => {
    expect(formatTable(['NAME'], [], 'No users.')).toBe('No users.');
  });

  it('prints UTC dates to the minute', () => {
    expect(formatDate(new Date('2026-12-03T14:30:59.999Z'))).toBe('2026-12-03 14:30');
  });
});

describe('redaction', () => {
  it.each([
    ['app.secretKey', 'abc'],
    ['weather.apiKey', 'abc'],
    ['some.password', 'abc'],
    ['metrics.token', 'abc'],
  ])('hides %s', (name, value) => {
    expect(redactValue(name, value)).toBe(REDACTED);
  });

  it('keeps settings that only mention a secret in their name', () => {
    expect(redactValue('auth.passwordTokenExpirationSeconds', '3600')).toBe('3600');
    expect(redactValue('oauth2.tokenExpiresIn', '864000')).toBe('864000');
  });

  it.each([
    ['postgresql://user:p%40ss@db:5432/app', 'postgresql://user:***@db:5432/app'],
    ['redis://:secret@cache:6379/0', 'redis://:***@cache:6379/0'],
    ['smtp://mailer:pw@smtp.example:587?tls=1', 'smtp://mailer:***@smtp.example:587?tls=1'],
    ['postgresql://user@db/app', 'postgresql://user@db/app'],
    ['not a url', 'not a url'],
  ])('redacts the password of %s', (url, expected) => {
    expect(redactValue('database.url', url)).toBe(expected);
  });

  it('describes a connection URL without its credentials', () => {
    expect(describeUrl('postgresql://user:pw@db:5432/app')).toBe('postgresql://db:5432/app');
    expect(describeUrl('redis://:pw@cache:6379')).toBe('redis://cache:6379');
  });
});

describe('configLines', () => {
  it('prints every setting once, secrets redacted, unset ones said so', () => {
    const config = buildAppConfig({
      DATA_DIR: '/tmp/pacekeeper-config-lines',
      APP_SECRET_KEY: 'a-secret-that-is-long-enough',
      DATABASE_URL: 'postgresql://u:db-pass@db/app',
      STATICMAP_SUBDOMAINS: 'a,b',
    });
    const lines = configLines(config);
    expect(lines).toEqual(
      expect.arrayContaining([
        'app.secretKey = [redacted]',
        'database.url = postgresql://u:***@db/app',
        'email.url = (not set)',
        'map.staticmapSubdomains = a,b',
        'app.port = 5000',
      ]),
    );
    expect(lines.join('\n')).not.toMatch(/a-secret-that-is-long-enough|db-pass/);
    expect(new Set(lines.map((line) => line.split(' = ')[0])).size).toBe(lines.length);
  });
});

describe('configLines: S3 storage', () => {
  it('shows the bucket settings and hides the secret key', () => {
    const config = buildAppConfig({
      DATA_DIR: '/tmp/pacekeeper-config-lines',
      APP_SECRET_KEY: 'a-secret-that-is-long-enough',
      STORAGE_DRIVER: 's3',
      S3_ENDPOINT: 'http://minio:9000',
      S3_BUCKET: 'pacekeeper',
      S3_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      S3_SECRET_ACCESS_KEY: 's3-secret-value',
    });
    const lines = configLines(config);
    expect(lines).toEqual(
      expect.arrayContaining([
        'storage.driver = s3',
        'storage.s3.endpoint = http://minio:9000',
        'storage.s3.bucket = pacekeeper',
        'storage.s3.secretAccessKey = [redacted]',
      ]),
    );
    expect(lines.join('\n')).not.toContain('s3-secret-value');
  });
});
