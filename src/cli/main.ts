#!/usr/bin/env node
import { runCli } from 'src/cli/run-cli';
import { loadAppConfig } from 'src/config/configuration';

/** `pacekeeper` / `npm run cli -- …`: equivalents of FitTrackee `ftcli`. */
async function main(): Promise<number> {
  return runCli(process.argv.slice(2), loadAppConfig());
}

main()
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    // Configuration errors list every bad variable; print them plainly.
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
