import { plainToInstance, Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateBy,
  validateSync,
} from 'class-validator';
import { ConfigurationError } from 'src/config/configuration-error';
import { describeProblem } from 'src/config/env-problems';

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : value;

const emptyToUndefined = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const RATE_LIMITS_PATTERN =
  /^\s*\d+\s+per\s+(\d+\s+)?(second|minute|hour|day|month|year)s?\s*(,\s*\d+\s+per\s+(\d+\s+)?(second|minute|hour|day|month|year)s?\s*)*$/i;

/** An origin (RFC 6454 §6.2): scheme, host and optional port; no path, a trailing `/` tolerated. */
const ORIGIN = /^https?:\/\/(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?\/?$/;

function isOrigin(item: string): boolean {
  if (!ORIGIN.test(item)) return false;
  try {
    return new URL(item).origin !== 'null';
  } catch {
    return false; // e.g. a port above 65535
  }
}

/** Comma-separated origins; blank items (a trailing comma) are ignored. */
const IsOriginList = (message: string): PropertyDecorator =>
  ValidateBy({
    name: 'isOriginList',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' &&
        value
          .split(',')
          .map((item) => item.trim())
          .every((item) => item === '' || isOrigin(item)),
      defaultMessage: () => message,
    },
  });

const rateLimitsMessage = (name: string): string =>
  `${name} must look like "300 per 5 minutes,1000 per day"`;

/**
 * Environment variables, with FitTrackee's names where one exists
 * (docs/compatibility.md#environment). Every variable is optional: `npm start` on a bare machine
 * must work.
 */
export class EnvironmentVariables {
  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV?: string;

  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT?: number;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  HOST?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  DATA_DIR?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgresql:// URL' })
  DATABASE_URL?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'DATABASE_PREPARED_STATEMENTS must be true or false' })
  DATABASE_PREPARED_STATEMENTS?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'APP_SECRET_KEY must be at least 16 characters long' })
  APP_SECRET_KEY?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  UPLOAD_FOLDER?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl(
    { require_tld: false, require_protocol: true },
    { message: 'UI_URL must be an absolute URL' },
  )
  UI_URL?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^smtp:\/\//, { message: 'EMAIL_URL must start with smtp://' })
  EMAIL_URL?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  SENDER_EMAIL?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^[A-Za-z0-9_.:-]+$/, { message: 'REDIS_KEY_PREFIX may only contain [A-Za-z0-9_.:-]' })
  REDIS_KEY_PREFIX?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(RATE_LIMITS_PATTERN, { message: rateLimitsMessage('API_RATE_LIMITS') })
  API_RATE_LIMITS?: string;

  /** Failed password / client-secret checks allowed per account (README, "Limits"). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(RATE_LIMITS_PATTERN, {
    message: rateLimitsMessage('CREDENTIAL_LIMITS_PER_ACCOUNT'),
  })
  CREDENTIAL_LIMITS_PER_ACCOUNT?: string;

  /** Failed password / client-secret checks allowed per client address. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(RATE_LIMITS_PATTERN, { message: rateLimitsMessage('CREDENTIAL_LIMITS_PER_IP') })
  CREDENTIAL_LIMITS_PER_IP?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  TILE_SERVER_URL?: string;

  @IsOptional()
  @IsString()
  STATICMAP_SUBDOMAINS?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  MAP_ATTRIBUTION?: string;

  @IsOptional()
  @IsString()
  DEFAULT_STATICMAP?: string;

  @IsOptional()
  @IsString()
  WEATHER_API_PROVIDER?: string;

  @IsOptional()
  @IsString()
  WEATHER_API_KEY?: string;

  /** Visual Crossing base URL override (tests point it at a local server). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl(
    { require_tld: false, require_protocol: true },
    { message: 'WEATHER_API_URL must be an absolute URL' },
  )
  WEATHER_API_URL?: string;

  @IsOptional()
  @IsString()
  AUTHLIB_INSECURE_TRANSPORT?: string;

  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(4)
  @Max(31)
  BCRYPT_LOG_ROUNDS?: number;

  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(0)
  TOKEN_EXPIRATION_DAYS?: number;

  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(0)
  TOKEN_EXPIRATION_SECONDS?: number;

  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(1)
  PASSWORD_TOKEN_EXPIRATION_SECONDS?: number;

  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(1)
  OAUTH2_TOKEN_EXPIRES_IN?: number;

  /** Lifetime of a device authorization request, seconds (docs/oauth2.md#device-flow). */
  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(1)
  OAUTH2_DEVICE_CODE_EXPIRES_IN?: number;

  /** Seconds a device waits between token polls (docs/oauth2.md#device-flow). */
  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(1)
  OAUTH2_DEVICE_POLL_INTERVAL?: number;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;

  /** `json`, `pretty` (human-readable), or `auto`: pretty on a terminal, JSON otherwise. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsIn(['auto', 'json', 'pretty'])
  LOG_FORMAT?: 'auto' | 'json' | 'pretty';

  /** FitTrackee's log file path (docs/compatibility.md#environment); unset logs to stdout. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  APP_LOG?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  TRUST_PROXY?: string;

  @IsOptional()
  @IsString()
  DISABLE_WORKER?: string;

  /** Where files live (docs/storage.md): `local` (UPLOAD_FOLDER, the default) or `s3`. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsIn(['local', 's3'], { message: 'STORAGE_DRIVER must be local or s3' })
  STORAGE_DRIVER?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['http', 'https'] },
    { message: 'S3_ENDPOINT must be an http:// or https:// URL' },
  )
  S3_ENDPOINT?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^[a-z0-9-]{1,40}$/, { message: 'S3_REGION must look like us-east-1' })
  S3_REGION?: string;

  /** S3 bucket naming rules: 3–63 lower-case letters, digits, dots and hyphens. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, {
    message: 'S3_BUCKET must be 3 to 63 lower-case letters, digits, dots or hyphens',
  })
  S3_BUCKET?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  S3_ACCESS_KEY_ID?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  S3_SECRET_ACCESS_KEY?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'S3_FORCE_PATH_STYLE must be true or false' })
  S3_FORCE_PATH_STYLE?: string;

  /** Keys are `<prefix>workouts/…`: a folder of a shared bucket. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*\/?$/, {
    message: 'S3_KEY_PREFIX must be folder names of [A-Za-z0-9._-] separated by /',
  })
  S3_KEY_PREFIX?: string;
  /** Origins of browser apps allowed beside registered redirect URIs (docs/oauth2.md#cors). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsOriginList(
    'CORS_ORIGINS must be a comma-separated list of origins such as https://app.example.org',
  )
  CORS_ORIGINS?: string;
  /** Webhooks may target private, loopback and link-local addresses, over plain http too (docs/webhooks.md). */
  @IsOptional()
  @IsString()
  WEBHOOKS_ALLOW_PRIVATE_TARGETS?: string;

  /** Timeout of one webhook delivery or handshake, DNS lookup included. */
  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(50)
  @Max(60000)
  WEBHOOKS_TIMEOUT_MS?: number;

  /** First retry delay of a failed webhook delivery; it doubles on each attempt, with jitter. */
  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(10)
  WEBHOOKS_RETRY_BASE_MS?: number;

  /** How long a webhook delivery is retried before it is marked failed. */
  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(100)
  WEBHOOKS_RETRY_WINDOW_MS?: number;

  /** A subscription whose deliveries keep failing this long is disabled. */
  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(100)
  WEBHOOKS_DISABLE_AFTER_MS?: number;

  /** How often the dispatcher looks for webhook events to deliver. */
  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(10)
  @Max(600000)
  WEBHOOKS_POLL_INTERVAL_MS?: number;
  /** Bearer token of `GET /metrics` (docs/operations.md#metrics); unset, metrics are off. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^[\x21-\x7e]{16,255}$/, {
    message: 'METRICS_TOKEN must be 16 to 255 visible ASCII characters',
  })
  METRICS_TOKEN?: string;
  /** HTTP worker processes on PostgreSQL; unset: one per available core. */
  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(256)
  WEB_CONCURRENCY?: number;
}

/**
 * Validates the whole environment at once and throws one ConfigurationError listing every bad
 * variable, one problem each (not one per failed constraint: `PORT=abc` is not "an integer",
 * "at least 0" and "at most 65535" at once).
 */
export function validateEnv(env: Record<string, unknown>): EnvironmentVariables {
  const parsed = plainToInstance(EnvironmentVariables, env, { enableImplicitConversion: false });
  const errors = validateSync(parsed, { skipMissingProperties: false, forbidUnknownValues: false });
  if (errors.length > 0)
    throw new ConfigurationError(
      errors.map((error) =>
        describeProblem(
          error.property,
          env[error.property],
          Object.values(error.constraints ?? {})[0] ?? 'is invalid',
        ),
      ),
    );
  return parsed;
}
