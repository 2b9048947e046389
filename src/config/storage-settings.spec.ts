import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { buildAppConfig } from 'src/config/configuration';
import { ConfigurationError, problemLine } from 'src/config/configuration-error';

describe('storage settings (docs/storage.md#configuration)', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'pacekeeper-storage-config-'));
  });
  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  const build = (env: Record<string, string>) => buildAppConfig({ DATA_DIR: dataDir, ...env });
  const problems = (env: Record<string, string>): string[] => {
    try {
      build(env);
    } catch (error) {
      if (error instanceof ConfigurationError) return error.problems.map(problemLine);
      throw error;
    }
    return [];
  };

  it('is the local folder by default, whatever S3_* says', () => {
    expect(build({ S3_BUCKET: 'ignored' }).storage).toEqual({ driver: 'local', s3: undefined });
  });

  it('reads the S3 settings, path style by default with an endpoint, the prefix as a folder', () => {
    const { storage } = build({
      STORAGE_DRIVER: 's3',
      S3_ENDPOINT: 'http://minio:9000/',
      S3_BUCKET: 'pacekeeper',
      S3_ACCESS_KEY_ID: 'id',
      S3_SECRET_ACCESS_KEY: 'secret',
      S3_KEY_PREFIX: 'site-a',
    });
    expect(storage).toEqual({
      driver: 's3',
      s3: {
        endpoint: 'http://minio:9000',
        region: 'us-east-1',
        bucket: 'pacekeeper',
        accessKeyId: 'id',
        secretAccessKey: 'secret',
        forcePathStyle: true,
        keyPrefix: 'site-a/',
      },
    });
    const aws = build({ STORAGE_DRIVER: 's3', S3_BUCKET: 'pacekeeper', S3_REGION: 'eu-west-3' });
    expect(aws.storage.s3).toMatchObject({ endpoint: undefined, forcePathStyle: false });
  });

  it('names each bad variable in one line, never the secret', () => {
    expect(problems({ STORAGE_DRIVER: 'ftp' })).toEqual([
      'STORAGE_DRIVER=ftp: must be local or s3. Correct STORAGE_DRIVER or unset it for the default (README, "Configuration").',
    ]);
    expect(problems({ STORAGE_DRIVER: 's3' })).toEqual([
      'S3_BUCKET (unset): is required with STORAGE_DRIVER=s3. Set S3_BUCKET to an existing bucket.',
    ]);
    const lines = problems({
      STORAGE_DRIVER: 's3',
      S3_BUCKET: 'B',
      S3_ENDPOINT: 'minio:9000',
      S3_FORCE_PATH_STYLE: 'yes',
      S3_KEY_PREFIX: '/abs/../x',
      S3_SECRET_ACCESS_KEY: 'hunter2-secret',
    });
    expect(lines.map((line) => line.slice(0, line.indexOf(':')))).toEqual([
      'S3_ENDPOINT=minio',
      'S3_BUCKET=B',
      'S3_FORCE_PATH_STYLE=yes',
      'S3_KEY_PREFIX=/abs/../x',
    ]);
    const pair = problems({
      STORAGE_DRIVER: 's3',
      S3_BUCKET: 'ok-bucket',
      S3_SECRET_ACCESS_KEY: 'hunter2',
    });
    expect(pair).toHaveLength(1);
    expect(pair[0]).toMatch(/^S3_ACCESS_KEY_ID \(unset\): must be set together/);
    expect(pair.join('\n')).not.toContain('hunter2');
  });
});
