import { CommandFactory, CommandRunnerService } from 'nest-commander';
import { CliModule } from 'src/cli/cli.module';
import { CliError, type CliOutput, PROCESS_OUTPUT } from 'src/cli/cli-output';
import { CommanderSetup } from 'src/cli/commander-setup';
import type { AppConfig } from 'src/config/configuration';

interface CommanderFailure {
  code: string;
  exitCode: number;
}

function isCommanderFailure(error: unknown): error is CommanderFailure {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    (error as { code: string }).code.startsWith('commander.') &&
    typeof (error as { exitCode?: unknown }).exitCode === 'number'
  );
}

/** Exit code of a command line commander refused (unknown command or option, bad value). */
export const USAGE_ERROR = 2;

/**
 * Runs one command line (`args` without `node` and the script) and resolves with the exit
 * code: 0 on success (and for `--help`), 2 on a usage error, 1 when the command itself failed
 * (FitTrackee's ftcli always exits 0; scripts and `docker compose exec` need to know).
 */
export async function runCli(
  args: readonly string[],
  config: AppConfig,
  output: CliOutput = PROCESS_OUTPUT,
): Promise<number> {
  let exitCode = 0;
  const onError = (error: unknown): void => {
    if (isCommanderFailure(error)) {
      // commander has already printed its usage error or the help.
      exitCode = error.exitCode === 0 ? 0 : USAGE_ERROR;
    } else if (error instanceof CliError) {
      output.err(error.message);
      exitCode = error.exitCode;
    } else {
      output.err(`An error occurred: ${error instanceof Error ? error.message : String(error)}`);
      exitCode = 1;
    }
  };
  const app = await CommandFactory.createWithoutRunning(CliModule.forRoot(config, output), {
    logger: false,
    serviceErrorHandler: onError,
  });
  try {
    app.get(CommanderSetup).apply();
    await app.get(CommandRunnerService).run(['node', 'pacekeeper', ...args]);
  } finally {
    await app.close();
  }
  return exitCode;
}
