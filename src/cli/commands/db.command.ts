import { Inject } from '@nestjs/common';
import { Command, CommandRunner, SubCommand } from 'nest-commander';
import { CLI_CONFIG, CLI_OUTPUT, type CliOutput } from 'src/cli/cli-output';
import { CommandGroup } from 'src/cli/commands/command-group';
import type { AppConfig } from 'src/config/configuration';
import { runMigrations } from 'src/database/run-migrations';

/** `db upgrade` (FitTrackee `ftcli db upgrade`): applies pending migrations. */
@SubCommand({ name: 'upgrade', description: 'Apply all database migrations.' })
export class DbUpgradeCommand extends CommandRunner {
  constructor(
    @Inject(CLI_CONFIG) private readonly config: AppConfig,
    @Inject(CLI_OUTPUT) private readonly output: CliOutput,
  ) {
    super();
  }

  async run(): Promise<void> {
    const applied = await runMigrations(this.config);
    this.output.out(
      applied.length === 0 ? 'Database is up to date.' : `Applied: ${applied.join(', ')}`,
    );
  }
}

@Command({ name: 'db', description: 'Manage database.', subCommands: [DbUpgradeCommand] })
export class DbCommand extends CommandGroup {}
