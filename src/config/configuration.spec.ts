import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { buildAppConfig } from 'src/config/configuration';
import { ConfigurationError, problemLine } from 'src/config/configuration-error';

describe('buildAppConfig', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'pacekeeper-config-'));
  });
  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('fails fast listing every bad variable at once', () => {
    const build = () =>
      buildAppConfig({
        DATA_DIR: dataDir,
        PORT: 'eighty',
        DATABASE_URL: 'mysql://db',
        APP_SECRET_KEY: 'short',
        EMAIL_URL: 'http://mail',
        REDIS_URL: 'localhost:6379',
        BCRYPT_LOG_ROUNDS: '2',
        LOG_LEVEL: 'loud',
        NODE_ENV: 'staging',
        API_RATE_LIMITS: 'lots',
      });
    expect(build).toThrow(/^Invalid environment configuration:/);
    const message = (() => {
      try {
        build();
        return '';
      } catch (error: unknown) {
        return (error as Error).message;
      }
    })();
    const listed = [...message.matchAll(/^ {2}- (\w+):/gm)].map((match) => match[1]);
    expect(new Set(listed)).toEqual(
      new Set([
        'PORT',
        'DATABASE_URL',
        'APP_SECRET_KEY',
        'EMAIL_URL',
        'REDIS_URL',
        'BCRYPT_LOG_ROUNDS',
        'LOG_LEVEL',
        'NODE_ENV',
        'API_RATE_LIMITS',
      ]),
    );
  });

  it('reports a bad variable once, with its value, the rule and what to do', () => {
    const failure = (() => {
      try {
        buildAppConfig({ DATA_DIR: dataDir, PORT: 'abc', DATABASE_URL: 'mysql://u:pw@db/x' });
        return undefined;
      } catch (error: unknown) {
        return error;
      }
    })();
    expect(failure).toBeInstanceOf(ConfigurationError);
    expect((failure as ConfigurationError).problems.map(problemLine)).toEqual([
      'PORT=abc: must be a whole number from 0 to 65535. Set PORT to a free TCP port (e.g. PORT=5000), or unset it for 5000.',
      'DATABASE_URL=mysql://u:***@db/x: must be a postgresql:// URL. Use postgresql://user:password@host:5432/database, or unset it for the embedded database.',
    ]);
  });

  it('reads CORS_ORIGINS as browsers spell origins (docs/oauth2.md#cors)', () => {
    const config = buildAppConfig({
      DATA_DIR: dataDir,
      CORS_ORIGINS:
        ' https://App.Example.org/ ,http://127.0.0.1:8080, https://app.example.org:443,',
    });
    expect(config.cors.extraOrigins).toEqual(['https://app.example.org', 'http://127.0.0.1:8080']);
    expect(buildAppConfig({ DATA_DIR: dataDir }).cors.extraOrigins).toEqual([]);
  });

  it.each([
    'app.example.org',
    'https://app.example.org/path',
    'ftp://files.example.org',
    'https://app.example.org:99999',
    '*',
    'https://a.example.org https://b.example.org',
  ])('refuses CORS_ORIGINS=%s in one line naming the variable', (value) => {
    const failure = (() => {
      try {
        buildAppConfig({ DATA_DIR: dataDir, CORS_ORIGINS: value });
        return undefined;
      } catch (error: unknown) {
        return error;
      }
    })();
    expect((failure as ConfigurationError).problems.map(problemLine)).toEqual([
      `CORS_ORIGINS=${value}: must be a comma-separated list of origins (scheme://host[:port], ` +
        'no path). Set e.g. CORS_ORIGINS=https://app.example.org,http://127.0.0.1:8080, or unset it.',
    ]);
  });

  it('turns metrics on with METRICS_TOKEN, refusing a short one without printing it', () => {
    expect(buildAppConfig({ DATA_DIR: dataDir }).metrics.token).toBeUndefined();
    const token = 'a-long-enough-metrics-token';
    expect(buildAppConfig({ DATA_DIR: dataDir, METRICS_TOKEN: token }).metrics.token).toBe(token);
    for (const bad of ['short', 'sixteen chars with spaces']) {
      let failure: unknown;
      try {
        buildAppConfig({ DATA_DIR: dataDir, METRICS_TOKEN: bad });
      } catch (error: unknown) {
        failure = error;
      }
      expect((failure as ConfigurationError).problems.map(problemLine)).toEqual([
        'METRICS_TOKEN=[redacted]: must be 16 to 255 visible ASCII characters (no spaces). Set a long random value (e.g. `openssl rand -hex 32`), or unset it to turn GET /metrics off.',
      ]);
    }
  });

  it('accepts an empty environment with defaults (npm start on a bare machine)', () => {
    const config = buildAppConfig({ DATA_DIR: dataDir });
    expect(config.app).toMatchObject({ port: 5000, dataDir, nodeEnv: 'production' });
    expect(config.database.url).toBeUndefined();
    expect(config.auth.tokenExpirationSeconds).toBe(30 * 86400);
  });

  it('generates APP_SECRET_KEY once into DATA_DIR, readable by the owner only', () => {
    const first = buildAppConfig({ DATA_DIR: dataDir }).app.secretKey;
    const file = join(dataDir, 'secret_key');
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(file, 'utf8').trim()).toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(buildAppConfig({ DATA_DIR: dataDir }).app.secretKey).toBe(first);
  });

  it('prefers APP_SECRET_KEY and then writes no file', () => {
    const config = buildAppConfig({
      DATA_DIR: dataDir,
      APP_SECRET_KEY: 'a-secret-of-enough-length',
    });
    expect(config.app.secretKey).toBe('a-secret-of-enough-length');
    expect(() => statSync(join(dataDir, 'secret_key'))).toThrow();
  });

  it('gives two data directories two different generated secrets', () => {
    const other = mkdtempSync(join(tmpdir(), 'pacekeeper-config-'));
    try {
      expect(buildAppConfig({ DATA_DIR: other }).app.secretKey).not.toBe(
        buildAppConfig({ DATA_DIR: dataDir }).app.secretKey,
      );
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});
