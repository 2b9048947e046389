import { ConfigurationError, type ConfigurationProblem } from 'src/config/configuration-error';
import type { EnvironmentVariables } from 'src/config/env.validation';

export interface S3Settings {
  /** S3_ENDPOINT: MinIO, Garage, Ceph RGW…; undefined means AWS S3 itself. */
  endpoint: string | undefined;
  region: string;
  bucket: string;
  /** Both set, or both undefined for the SDK's own credential chain (IAM role, profile). */
  accessKeyId: string | undefined;
  secretAccessKey: string | undefined;
  forcePathStyle: boolean;
  /** '' or a prefix ending with `/`, put in front of every key. */
  keyPrefix: string;
}

export interface StorageSettings {
  driver: 'local' | 's3';
  /** Set when the driver is `s3`. */
  s3: S3Settings | undefined;
}

const missing = (variable: string, fix: string): ConfigurationProblem => ({
  variable,
  value: undefined,
  problem: 'is required with STORAGE_DRIVER=s3',
  fix,
});

/**
 * STORAGE_DRIVER and the S3_* variables (docs/storage.md#configuration). The checks that span
 * several variables run here, after each variable was checked on its own.
 */
export function buildStorageSettings(env: EnvironmentVariables): StorageSettings {
  if (env.STORAGE_DRIVER !== 's3') return { driver: 'local', s3: undefined };
  const problems: ConfigurationProblem[] = [];
  if (env.S3_BUCKET === undefined)
    problems.push(missing('S3_BUCKET', 'Set S3_BUCKET to an existing bucket.'));
  const hasKeyId = env.S3_ACCESS_KEY_ID !== undefined;
  if (hasKeyId !== (env.S3_SECRET_ACCESS_KEY !== undefined)) {
    const absent = hasKeyId ? 'S3_SECRET_ACCESS_KEY' : 'S3_ACCESS_KEY_ID';
    problems.push({
      variable: absent,
      value: undefined,
      problem: 'must be set together with the other S3 key',
      fix: 'Set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither for the SDK credential chain.',
    });
  }
  if (problems.length > 0) throw new ConfigurationError(problems);
  const prefix = env.S3_KEY_PREFIX ?? '';
  return {
    driver: 's3',
    s3: {
      endpoint: env.S3_ENDPOINT?.replace(/\/+$/, ''),
      region: env.S3_REGION ?? 'us-east-1',
      bucket: env.S3_BUCKET ?? '',
      accessKeyId: env.S3_ACCESS_KEY_ID,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY,
      // Self-hosted stores rarely have per-bucket DNS names: path style unless told otherwise.
      forcePathStyle: (env.S3_FORCE_PATH_STYLE ?? (env.S3_ENDPOINT ? 'true' : 'false')) === 'true',
      keyPrefix: prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/`,
    },
  };
}
