import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import type { LogFormat } from 'src/common/logging/root-logger';
import { EnvironmentVariables, validateEnv } from 'src/config/env.validation';
import { buildStorageSettings, type StorageSettings } from 'src/config/storage-settings';

export type { S3Settings, StorageSettings } from 'src/config/storage-settings';

export interface AppSettings {
  nodeEnv: string;
  host: string;
  port: number;
  dataDir: string;
  uploadFolder: string;
  uiUrl: string;
  secretKey: string;
  /**
   * Express "trust proxy": off unless TRUST_PROXY says which proxies may set X-Forwarded-For
   * and X-Forwarded-Proto; trusting them blindly would let any client choose its address.
   */
  trustProxy: string | number | boolean;
  /**
   * AUTHLIB_INSECURE_TRANSPORT: allow the OAuth2 endpoints over plain HTTP (docs/oauth2.md#https).
   */
  isInsecureTransportAllowed: boolean;
  logLevel: string;
  /** APP_LOG: JSON logs go to this file instead of stdout. */
  logFile: string | undefined;
  /** LOG_FORMAT: human-readable on a terminal by default, JSON otherwise. */
  logFormat: LogFormat;
  isWorkerDisabled: boolean;
  /** WEB_CONCURRENCY: HTTP worker processes on PostgreSQL; undefined: one per available core. */
  webConcurrency: number | undefined;
}

export interface DatabaseSettings {
  /** PostgreSQL URL; undefined means the embedded PGlite database under `dataDir`. */
  url: string | undefined;
  /**
   * DATABASE_PREPARED_STATEMENTS: the hot reads are named prepared statements, parsed and
   * planned once per connection; `false` for a pooler that cannot keep them (PgBouncer in
   * transaction mode before 1.21).
   */
  isPreparing: boolean;
}

export interface AuthSettings {
  tokenExpirationSeconds: number;
  passwordTokenExpirationSeconds: number;
  bcryptRounds: number;
}

export interface OAuth2Settings {
  tokenExpiresIn: number;
  authorizationCodeExpiresIn: number;
  /** Lifetime of a device authorization request, seconds (RFC 8628 §3.2 `expires_in`). */
  deviceCodeExpiresIn: number;
  /** Seconds a device waits between polls at first (RFC 8628 §3.2 `interval`). */
  devicePollInterval: number;
}

export interface EmailSettings {
  url: string | undefined;
  sender: string | undefined;
}

export interface RedisSettings {
  url: string | undefined;
  /** Prefix of every Redis key (job queue, rate-limit counters): instances sharing it cooperate. */
  keyPrefix: string;
}

/** Failed password and client-secret checks allowed per account and per client address. */
/** Prometheus metrics (docs/operations.md#metrics): off unless METRICS_TOKEN is set. */
export interface MetricsSettings {
  /** The bearer token `GET /metrics` requires; undefined: the endpoint does not exist. */
  token: string | undefined;
}

export interface CredentialLimitSettings {
  perAccount: string;
  perIp: string;
}

export interface CorsSettings {
  /**
   * CORS_ORIGINS: origins allowed beside those of registered redirect URIs, normalized as
   * browsers send them (lower-case host, no default port).
   */
  extraOrigins: string[];
}

export interface MapSettings {
  tileServerUrl: string;
  staticmapSubdomains: string[];
  attribution: string;
  isDefaultStaticmap: boolean;
}

export interface WeatherSettings {
  provider: string | null;
  apiKey: string | undefined;
  /** Visual Crossing REST services root (WEATHER_API_URL overrides it for tests). */
  baseUrl: string;
}

/** Webhook delivery (docs/webhooks.md). */
export interface WebhookSettings {
  /** Private, loopback and link-local targets (and plain http) allowed: development and tests. */
  isPrivateTargetAllowed: boolean;
  timeoutMs: number;
  retryBaseMs: number;
  retryWindowMs: number;
  disableAfterMs: number;
  pollIntervalMs: number;
}

export interface AppConfig {
  app: AppSettings;
  database: DatabaseSettings;
  auth: AuthSettings;
  oauth2: OAuth2Settings;
  email: EmailSettings;
  redis: RedisSettings;
  rateLimits: string;
  credentialLimits: CredentialLimitSettings;
  cors: CorsSettings;
  map: MapSettings;
  weather: WeatherSettings;
  storage: StorageSettings;
  webhooks: WebhookSettings;
  metrics: MetricsSettings;
}

const DEFAULT_MAP_ATTRIBUTION =
  '&copy; <a href="http://www.openstreetmap.org/copyright" target="_blank" rel="noopener noreferrer">OpenStreetMap</a> contributors';

const SECRET_FILE = 'secret_key';

/**
 * Without APP_SECRET_KEY the server generates a key once and keeps it in DATA_DIR, so tokens
 * survive restarts and no default secret ever exists in the code.
 */
function resolveSecretKey(env: EnvironmentVariables, dataDir: string): string {
  if (env.APP_SECRET_KEY !== undefined) return env.APP_SECRET_KEY;
  const file = join(dataDir, SECRET_FILE);
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored.length >= 16) return stored;
  }
  mkdirSync(dataDir, { recursive: true });
  const generated = randomBytes(48).toString('base64url');
  writeFileSync(file, `${generated}\n`, { mode: 0o600 });
  return generated;
}

function parseTrustProxy(value: string | undefined): string | number | boolean {
  if (value === undefined) return false;
  if (/^\d+$/.test(value)) return Number(value);
  if (/^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  return value;
}

/** The validated, comma-separated CORS_ORIGINS as browsers spell origins. */
function parseOrigins(value: string | undefined): string[] {
  const origins = (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')
    .map((item) => new URL(item).origin);
  return [...new Set(origins)];
}

function weatherProvider(value: string | undefined): string | null {
  const provider = value?.toLowerCase();
  return provider === 'darksky' || provider === 'visualcrossing' ? provider : null;
}

export function buildAppConfig(rawEnv: Record<string, unknown>): AppConfig {
  const env = validateEnv(rawEnv);
  const dataDir = resolve(env.DATA_DIR ?? './data');
  const tokenDays = env.TOKEN_EXPIRATION_DAYS ?? 30;
  const tokenSeconds = env.TOKEN_EXPIRATION_SECONDS ?? 0;
  const storage = buildStorageSettings(env);
  return {
    app: {
      nodeEnv: env.NODE_ENV ?? 'production',
      host: env.HOST ?? '0.0.0.0',
      port: env.PORT ?? 5000,
      dataDir,
      uploadFolder: resolve(env.UPLOAD_FOLDER ?? join(dataDir, 'uploads')),
      uiUrl: (env.UI_URL ?? `http://localhost:${env.PORT ?? 5000}`).replace(/\/+$/, ''),
      secretKey: resolveSecretKey(env, dataDir),
      trustProxy: parseTrustProxy(env.TRUST_PROXY),
      isInsecureTransportAllowed: (env.AUTHLIB_INSECURE_TRANSPORT ?? '') !== '',
      logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
      logFile: env.APP_LOG === undefined ? undefined : resolve(env.APP_LOG),
      logFormat: env.LOG_FORMAT ?? 'auto',
      isWorkerDisabled: /^(1|true|yes)$/i.test(env.DISABLE_WORKER ?? ''),
      webConcurrency: env.WEB_CONCURRENCY,
    },
    database: { url: env.DATABASE_URL, isPreparing: env.DATABASE_PREPARED_STATEMENTS !== 'false' },
    auth: {
      tokenExpirationSeconds: tokenDays * 86400 + tokenSeconds,
      passwordTokenExpirationSeconds: env.PASSWORD_TOKEN_EXPIRATION_SECONDS ?? 3600,
      bcryptRounds: env.BCRYPT_LOG_ROUNDS ?? 13,
    },
    oauth2: {
      tokenExpiresIn: env.OAUTH2_TOKEN_EXPIRES_IN ?? 864000,
      authorizationCodeExpiresIn: 300,
      deviceCodeExpiresIn: env.OAUTH2_DEVICE_CODE_EXPIRES_IN ?? 600,
      devicePollInterval: env.OAUTH2_DEVICE_POLL_INTERVAL ?? 5,
    },
    email: { url: env.EMAIL_URL, sender: env.SENDER_EMAIL },
    redis: { url: env.REDIS_URL, keyPrefix: env.REDIS_KEY_PREFIX ?? 'pacekeeper' },
    rateLimits: env.API_RATE_LIMITS ?? '300 per 5 minutes',
    credentialLimits: {
      perAccount: env.CREDENTIAL_LIMITS_PER_ACCOUNT ?? '10 per 15 minutes',
      perIp: env.CREDENTIAL_LIMITS_PER_IP ?? '50 per 15 minutes',
    },
    cors: { extraOrigins: parseOrigins(env.CORS_ORIGINS) },
    map: {
      tileServerUrl: env.TILE_SERVER_URL ?? 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
      staticmapSubdomains: (env.STATICMAP_SUBDOMAINS ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
      attribution: env.MAP_ATTRIBUTION ?? DEFAULT_MAP_ATTRIBUTION,
      isDefaultStaticmap: (env.DEFAULT_STATICMAP ?? '').toLowerCase() === 'true',
    },
    weather: {
      provider: weatherProvider(env.WEATHER_API_PROVIDER),
      apiKey: env.WEATHER_API_KEY === '' ? undefined : env.WEATHER_API_KEY,
      baseUrl: (
        env.WEATHER_API_URL ??
        'https://weather.visualcrossing.com/VisualCrossingWebServices/rest/services'
      ).replace(/\/+$/, ''),
    },
    storage,
    webhooks: {
      isPrivateTargetAllowed: /^(1|true|yes)$/i.test(env.WEBHOOKS_ALLOW_PRIVATE_TARGETS ?? ''),
      timeoutMs: env.WEBHOOKS_TIMEOUT_MS ?? 5000,
      retryBaseMs: env.WEBHOOKS_RETRY_BASE_MS ?? 30_000,
      retryWindowMs: env.WEBHOOKS_RETRY_WINDOW_MS ?? 24 * 3600_000,
      disableAfterMs: env.WEBHOOKS_DISABLE_AFTER_MS ?? 3 * 24 * 3600_000,
      pollIntervalMs: env.WEBHOOKS_POLL_INTERVAL_MS ?? 1000,
    },
    metrics: { token: env.METRICS_TOKEN },
  };
}

/** The one reader of process.env, so every setting is parsed and checked in one place. */
export function loadAppConfig(): AppConfig {
  return buildAppConfig(process.env);
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const LOG_FORMATS: readonly LogFormat[] = ['auto', 'json', 'pretty'];

/**
 * The log settings for reporting a configuration that does not load: whatever of LOG_LEVEL,
 * APP_LOG and LOG_FORMAT is valid, defaults for the rest, so even that failure is logged where
 * and how the operator asked.
 */
export function fallbackLogSettings(): { level: string; file?: string; format: LogFormat } {
  const env = process.env;
  const level = env['LOG_LEVEL'] ?? '';
  const format = LOG_FORMATS.find((f) => f === env['LOG_FORMAT']) ?? 'auto';
  const file = env['APP_LOG'];
  return {
    level: LOG_LEVELS.includes(level) ? level : 'info',
    ...(file === undefined || file.trim() === '' ? {} : { file: resolve(file) }),
    format,
  };
}
