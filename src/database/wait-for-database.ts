import { Client } from 'pg';
import { ConfigurationError } from 'src/config/configuration-error';
import { redactValue } from 'src/config/redact';

/**
 * How long start-up waits for an unreachable PostgreSQL (README, "Configuration"): long enough
 * for a database container started alongside to accept connections, short enough that a wrong
 * DATABASE_URL is reported at once rather than after minutes of retries.
 */
export const DATABASE_RETRY_WINDOW_MS = 10_000;
const ATTEMPT_TIMEOUT_MS = 2_000;
const RETRY_DELAY_MS = 1_000;

/** Failures that waiting cannot fix: reported at the first attempt. */
const PERMANENT: Record<string, (url: URL) => { problem: string; fix: string }> = {
  '28P01': (url) => ({
    problem: `password authentication failed for user "${decodeURIComponent(url.username)}"`,
    fix: 'Correct the user or password in DATABASE_URL.',
  }),
  '28000': (url) => ({
    problem: `PostgreSQL refused user "${decodeURIComponent(url.username)}" (role or pg_hba.conf)`,
    fix: 'Create the role or correct DATABASE_URL.',
  }),
  '3D000': (url) => {
    const name = decodeURIComponent(url.pathname.slice(1));
    return {
      problem: `database "${name}" does not exist`,
      fix: `Create it (createdb ${name}) or correct DATABASE_URL.`,
    };
  },
};

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function describe(error: unknown): string {
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  return code === undefined || message.includes(code) ? message : `${code}: ${message}`;
}

function failure(url: string, problem: string, fix: string): ConfigurationError {
  return new ConfigurationError([
    { variable: 'DATABASE_URL', value: redactValue('DATABASE_URL', url), problem, fix },
  ]);
}

async function connectOnce(url: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: ATTEMPT_TIMEOUT_MS });
  // A failed connect may still emit 'error' later; without a listener that would crash the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Connects to DATABASE_URL before the application does, retrying for `windowMs`, and turns a
 * failure into one ConfigurationError line naming the variable (password redacted) and what to
 * do, instead of TypeORM's nine retries with a stack trace each.
 */
export async function waitForDatabase(
  url: string,
  windowMs: number = DATABASE_RETRY_WINDOW_MS,
): Promise<void> {
  const deadline = Date.now() + windowMs;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw failure(url, 'is not a valid URL', 'Use postgresql://user:password@host:5432/database.');
  }
  for (;;) {
    try {
      await connectOnce(url);
      return;
    } catch (error: unknown) {
      const permanent = PERMANENT[errorCode(error) ?? ''];
      if (permanent !== undefined) {
        const { problem, fix } = permanent(parsed);
        throw failure(url, problem, fix);
      }
      if (Date.now() + RETRY_DELAY_MS >= deadline)
        throw failure(
          url,
          `PostgreSQL at ${parsed.host} is unreachable after trying for ${Math.round(windowMs / 1000)} s (${describe(error)})`,
          'Start PostgreSQL or correct the host and port in DATABASE_URL; unset DATABASE_URL to use the embedded database.',
        );
      await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
    }
  }
}
