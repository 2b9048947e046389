import type { INestApplicationContext } from '@nestjs/common';
import { CliError } from 'src/cli/cli-output';
import type { ExpiredTokensCleaner } from 'src/users/maintenance/token-cleaners';

/** Runs the cleaner a feature provides under `token`; a clear error when none does. */
export async function cleanExpiredTokens(
  app: INestApplicationContext,
  token: symbol,
  label: string,
  days: number,
): Promise<number> {
  let cleaner: ExpiredTokensCleaner;
  try {
    cleaner = app.get<unknown, ExpiredTokensCleaner>(token, { strict: false });
  } catch {
    throw new CliError(`Cleaning ${label} is not available in this build.`);
  }
  return cleaner.cleanExpired(days);
}
