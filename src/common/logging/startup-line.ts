import { redactUrlPassword } from 'src/config/redact';

export interface StartupFacts {
  version: string;
  host: string;
  port: number;
  /** DATABASE_URL; undefined for the embedded database in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  redisUrl: string | undefined;
  isWorkerDisabled: boolean;
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

/** The one line that says the server is up, where, and on what. */
export function startupLine(facts: StartupFacts): StartupLine {
  const url = `http://${browsableHost(facts.host)}:${facts.port}`;
  const fields: Record<string, string> = {
    version: facts.version,
    listen: `${facts.host}:${facts.port}`,
    docs: `${url}/api/docs`,
    database: databaseLabel(facts),
    jobs: jobsLabel(facts),
  };
  if (facts.processes !== undefined) fields['processes'] = facts.processes;
  const processes = facts.processes === undefined ? '' : ` · processes ${facts.processes}`;
  return {
    message: `Pacekeeper ${facts.version} listening on ${url} (${fields['listen']}) · API docs ${fields['docs']} · database ${fields['database']} · jobs ${fields['jobs']}${processes}`,
    fields,
  };
}
