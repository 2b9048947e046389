import type { ConfigurationProblem } from 'src/config/configuration-error';
import { redactValue } from 'src/config/redact';

/** What a valid value looks like and what to do, for the variables an operator sets most. */
const KNOWN: Record<string, { problem: string; fix: string }> = {
  PORT: {
    problem: 'must be a whole number from 0 to 65535',
    fix: 'Set PORT to a free TCP port (e.g. PORT=5000), or unset it for 5000.',
  },
  DATABASE_URL: {
    problem: 'must be a postgresql:// URL',
    fix: 'Use postgresql://user:password@host:5432/database, or unset it for the embedded database.',
  },
  REDIS_URL: {
    problem: 'must be a redis:// or rediss:// URL',
    fix: 'Use redis://host:6379, or unset it to run jobs inside the server process.',
  },
  EMAIL_URL: {
    problem: 'must be an smtp:// URL',
    fix: 'Use smtp://user:password@host:587, or unset it to send no emails.',
  },
  APP_SECRET_KEY: {
    problem: 'must be at least 16 characters long',
    fix: 'Set a long random value (e.g. `openssl rand -base64 48`), or unset it to have one generated in DATA_DIR.',
  },
  LOG_LEVEL: {
    problem: 'must be one of fatal, error, warn, info, debug, trace, silent',
    fix: 'Set e.g. LOG_LEVEL=info, or unset it.',
  },
  LOG_FORMAT: {
    problem: 'must be auto, json or pretty',
    fix: 'Set LOG_FORMAT=json for log collectors, or unset it.',
  },
  NODE_ENV: {
    problem: 'must be development, production or test',
    fix: 'Set NODE_ENV=production, or unset it.',
  },
  BCRYPT_LOG_ROUNDS: {
    problem: 'must be a whole number from 4 to 31',
    fix: 'Unset it for 13.',
  },
  CORS_ORIGINS: {
    problem: 'must be a comma-separated list of origins (scheme://host[:port], no path)',
    fix: 'Set e.g. CORS_ORIGINS=https://app.example.org,http://127.0.0.1:8080, or unset it.',
  },
  METRICS_TOKEN: {
    problem: 'must be 16 to 255 visible ASCII characters (no spaces)',
    fix: 'Set a long random value (e.g. `openssl rand -hex 32`), or unset it to turn GET /metrics off.',
  },
  UI_URL: {
    problem: 'must be an absolute URL',
    fix: 'Set the address users open, e.g. UI_URL=https://pacekeeper.example.org.',
  },
};

/** `LOG_LEVEL must be one of …` → `must be one of …`: the variable is named once, in front. */
function withoutName(variable: string, message: string): string {
  return message.startsWith(`${variable} `) ? message.slice(variable.length + 1) : message;
}

export function describeProblem(
  variable: string,
  value: unknown,
  firstConstraint: string,
): ConfigurationProblem {
  const known = KNOWN[variable];
  return {
    variable,
    value: typeof value === 'string' ? redactValue(variable, value) : undefined,
    problem: known?.problem ?? withoutName(variable, firstConstraint),
    fix: known?.fix ?? `Correct ${variable} or unset it for the default (README, "Configuration").`,
  };
}
