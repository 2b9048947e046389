import { redactUrlPassword } from 'src/config/redact';
import type { StorageSettings } from 'src/config/storage-settings';

export interface StartupFacts {
  version: string;
  host: string;
  port: number;
  /** DATABASE_URL; undefined for the embedded database in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  redisUrl: string | undefined;
  isWorkerDisabled: boolean;
  /** Where files live (docs/storage.md); omitted by callers that store none. */
  storage?: { settings: StorageSettings; uploadFolder: string };
  /** How many processes answer HTTP, and why (cluster, or single on the embedded database). */
  processes?: string;
}

export interface StartupLine {
  message: string;
  fields: Record<string, string>;
}

/** 0.0.0.0 and :: listen everywhere, but nobody can open them: show a URL that works here. */
function browsableHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

/** host:port/database, never the user or password. */
function databaseLabel(facts: StartupFacts): string {
  if (facts.databaseUrl === undefined) return `embedded ${facts.dataDir}/pgdata`;
  try {
    const url = new URL(facts.databaseUrl);
    return `PostgreSQL ${url.host}${url.pathname}`;
  } catch {
    return `PostgreSQL ${redactUrlPassword(facts.databaseUrl)}`;
  }
}

function jobsLabel(facts: StartupFacts): string {
  if (facts.redisUrl === undefined) return 'in-process';
  let where: string;
  try {
    where = new URL(facts.redisUrl).host;
  } catch {
    where = 'Redis';
  }
  return facts.isWorkerDisabled
    ? `BullMQ on Redis ${where} (worker disabled here: run \`npm run worker\`)`
    : `BullMQ on Redis ${where}`;
}

/** The bucket and where it is, never the keys. */
function storageLabel(storage: NonNullable<StartupFacts['storage']>): string {
  const s3 = storage.settings.s3;
  if (s3 === undefined) return `local ${storage.uploadFolder}`;
  const where = s3.endpoint === undefined ? `AWS ${s3.region}` : describeEndpoint(s3.endpoint);
  return `S3 bucket ${s3.bucket}${s3.keyPrefix === '' ? '' : `/${s3.keyPrefix}`} at ${where}`;
}

function describeEndpoint(endpoint: string): string {
  try {
    const url = new URL(endpoint);
    return `${url.protocol}//${url.host}`;
  } catch {
    return 'an invalid endpoint';
  }
}

/** The one line that says the server is up, where, and on what. */
export function startupLine(facts: StartupFacts): StartupLine {
  const url = `http://${browsableHost(facts.host)}:${facts.port}`;
  const fields: Record<string, string> = {
    version: facts.version,
    listen: `${facts.host}:${facts.port}`,
    docs: `${url}/api/docs`,
    database: databaseLabel(facts),
    jobs: jobsLabel(facts),
    ...(facts.storage === undefined ? {} : { storage: storageLabel(facts.storage) }),
  };
  if (facts.processes !== undefined) fields['processes'] = facts.processes;
  const processes = facts.processes === undefined ? '' : ` · processes ${facts.processes}`;
  return {
    message: `Pacekeeper ${facts.version} listening on ${url} (${fields['listen']}) · API docs ${fields['docs']} · database ${fields['database']} · jobs ${fields['jobs']}${fields['storage'] === undefined ? '' : ` · files ${fields['storage']}`}${processes}`,
    fields,
  };
}
