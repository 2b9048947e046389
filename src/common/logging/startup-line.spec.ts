import { startupLine } from 'src/common/logging/startup-line';

const FACTS = {
  version: '1.2.3',
  host: '0.0.0.0',
  port: 5000,
  databaseUrl: undefined,
  dataDir: '/data',
  redisUrl: undefined,
  isWorkerDisabled: false,
};

describe('startupLine', () => {
  it('names version, address, docs, the embedded database and in-process jobs', () => {
    const { message, fields } = startupLine(FACTS);
    expect(fields).toEqual({
      version: '1.2.3',
      listen: '0.0.0.0:5000',
      docs: 'http://localhost:5000/api/docs',
      database: 'embedded /data/pgdata',
      jobs: 'in-process',
    });
    expect(message).toContain('http://localhost:5000');
    for (const value of Object.values(fields)) expect(message).toContain(value);
  });

  it('names PostgreSQL by host and database, never by its credentials', () => {
    const { message, fields } = startupLine({
      ...FACTS,
      host: '127.0.0.1',
      databaseUrl: 'postgresql://pk:hunter2@db.internal:5433/pacekeeper',
      redisUrl: 'redis://:sesame@cache:6379',
    });
    expect(fields.database).toBe('PostgreSQL db.internal:5433/pacekeeper');
    expect(fields.jobs).toBe('BullMQ on Redis cache:6379');
    expect(fields.docs).toBe('http://127.0.0.1:5000/api/docs');
    expect(message).not.toMatch(/hunter2|sesame|pk:/);
  });

  it('says when this instance leaves the jobs to a separate worker', () => {
    const { fields } = startupLine({
      ...FACTS,
      redisUrl: 'redis://cache:6379',
      isWorkerDisabled: true,
    });
    expect(fields.jobs).toMatch(/worker disabled.*npm run worker/);
  });

  it('brackets an IPv6 address in the docs URL', () => {
    expect(startupLine({ ...FACTS, host: '::1' }).fields.docs).toBe('http://[::1]:5000/api/docs');
  });
});

describe('startupLine: files', () => {
  const FACTS = {
    version: '1.2.3',
    host: '0.0.0.0',
    port: 5000,
    databaseUrl: undefined,
    dataDir: '/data',
    redisUrl: undefined,
    isWorkerDisabled: false,
  };
  const s3 = {
    endpoint: 'http://minio:9000',
    region: 'us-east-1',
    bucket: 'pacekeeper',
    accessKeyId: 'AKIDEXAMPLE',
    secretAccessKey: 'wJalrXUtnFEMI',
    forcePathStyle: true,
    keyPrefix: 'site-a/',
  };

  it('names the upload folder, or the bucket and its server, never the keys', () => {
    const local = startupLine({
      ...FACTS,
      storage: { settings: { driver: 'local', s3: undefined }, uploadFolder: '/data/uploads' },
    });
    expect(local.fields.storage).toBe('local /data/uploads');
    const remote = startupLine({
      ...FACTS,
      storage: { settings: { driver: 's3', s3 }, uploadFolder: '/data/uploads' },
    });
    expect(remote.fields.storage).toBe('S3 bucket pacekeeper/site-a/ at http://minio:9000');
    expect(remote.message).toContain('files S3 bucket pacekeeper');
    expect(remote.message).not.toMatch(/AKIDEXAMPLE|wJalrXUtnFEMI/);
  });
});
