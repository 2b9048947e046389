import { Inject } from '@nestjs/common';
import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { AppContextRunner } from 'src/cli/app-context';
import { CLI_OUTPUT, type CliOutput } from 'src/cli/cli-output';
import { cleanExpiredTokens } from 'src/cli/commands/clean-expired-tokens';
import { parseInteger } from 'src/cli/parse-options';
import { OAUTH2_TOKENS_CLEANER } from 'src/users/maintenance/token-cleaners';

/** `oauth2 clean --days N` (spec cli.md): expired OAuth2 tokens. */
@SubCommand({
  name: 'clean',
  description: 'Clean tokens expired for more than provided number of days.',
})
export class OAuth2CleanCommand extends CommandRunner {
  constructor(
    private readonly context: AppContextRunner,
    @Inject(CLI_OUTPUT) private readonly output: CliOutput,
  ) {
    super();
  }

  async run(_args: string[], options: { days: number }): Promise<void> {
    const count = await this.context.run((app) =>
      cleanExpiredTokens(app, OAUTH2_TOKENS_CLEANER, 'OAuth2 tokens', options.days),
    );
    this.output.out(`Expired deleted tokens: ${count}.`);
  }

  @Option({ flags: '--days <days>', description: 'Number of days.', required: true })
  parseDays(value: string): number {
    return parseInteger(value);
  }
}

@Command({
  name: 'oauth2',
  description: 'Manage OAuth2 tokens.',
  subCommands: [OAuth2CleanCommand],
})
export class OAuth2Command extends CommandRunner {
  run(): Promise<void> {
    this.command.help();
  }
}
