import { Inject } from '@nestjs/common';
import { CommandRunner, Option, SubCommand } from 'nest-commander';
import { AppContextRunner } from 'src/cli/app-context';
import { CLI_OUTPUT, type CliOutput } from 'src/cli/cli-output';
import { cleanExpiredTokens } from 'src/cli/commands/clean-expired-tokens';
import { DaysCommand } from 'src/cli/commands/days-command';
import { naturalSize } from 'src/cli/natural-size';
import { parseInteger } from 'src/cli/parse-options';
import { DataExportService } from 'src/users/export/data-export.service';
import { DataExportProcessor } from 'src/users/export/data-export-processor';
import { BLACKLISTED_TOKENS_CLEANER } from 'src/users/maintenance/token-cleaners';

/** `users clean_tokens --days N` (FitTrackee `ftcli`, docs/compatibility.md#auth-tokens). */
@SubCommand({
  name: 'clean_tokens',
  description: 'Clean blacklisted tokens expired for more than provided number of days.',
})
export class UsersCleanTokensCommand extends DaysCommand {
  constructor(
    private readonly context: AppContextRunner,
    @Inject(CLI_OUTPUT) private readonly output: CliOutput,
  ) {
    super();
  }

  async run(_args: string[], options: { days: number }): Promise<void> {
    const count = await this.context.run((app) =>
      cleanExpiredTokens(app, BLACKLISTED_TOKENS_CLEANER, 'blacklisted tokens', options.days),
    );
    this.output.out(`Blacklisted tokens deleted: ${count}.`);
  }
}

/** `users clean_archives --days N` (FitTrackee `ftcli`). */
@SubCommand({
  name: 'clean_archives',
  description: 'Clean user export archives created for more than provided number of days.',
})
export class UsersCleanArchivesCommand extends DaysCommand {
  constructor(
    private readonly context: AppContextRunner,
    @Inject(CLI_OUTPUT) private readonly output: CliOutput,
  ) {
    super();
  }

  async run(_args: string[], options: { days: number }): Promise<void> {
    const counts = await this.context.run((app) =>
      app.get(DataExportService, { strict: false }).clean(options.days),
    );
    this.output.out(`Deleted data export requests: ${counts.deletedRequests}.`);
    this.output.out(`Deleted data export archives: ${counts.deletedArchives}.`);
    this.output.out(`Freed space: ${naturalSize(counts.freedSpace)}.`);
  }
}

/** `users export_archives --max N`: pending exports built synchronously (FitTrackee `ftcli`). */
@SubCommand({
  name: 'export_archives',
  description: 'Export user data in zip archive if incomplete requests exist.',
})
export class UsersExportArchivesCommand extends CommandRunner {
  constructor(
    private readonly context: AppContextRunner,
    @Inject(CLI_OUTPUT) private readonly output: CliOutput,
  ) {
    super();
  }

  async run(_args: string[], options: { max: number }): Promise<void> {
    const count = await this.context.run((app) =>
      app.get(DataExportProcessor, { strict: false }).processPending(options.max),
    );
    this.output.out(`Generated data export archives: ${count}.`);
  }

  @Option({
    flags: '--max <max>',
    description: 'Maximum number of export requests to process.',
    required: true,
  })
  parseMax(value: string): number {
    return parseInteger(value);
  }
}
