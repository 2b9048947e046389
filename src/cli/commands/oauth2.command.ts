import { Inject } from '@nestjs/common';
import { Command, SubCommand } from 'nest-commander';
import { AppContextRunner } from 'src/cli/app-context';
import { CLI_OUTPUT, type CliOutput } from 'src/cli/cli-output';
import { cleanExpiredTokens } from 'src/cli/commands/clean-expired-tokens';
import { CommandGroup } from 'src/cli/commands/command-group';
import { DaysCommand } from 'src/cli/commands/days-command';
import { OAuth2AppsCommand } from 'src/cli/commands/oauth2-apps.commands';
import { OAuth2TokensCommand } from 'src/cli/commands/oauth2-tokens.commands';
import { OAUTH2_TOKENS_CLEANER } from 'src/users/maintenance/token-cleaners';

/** `oauth2 clean --days N` (FitTrackee `ftcli`): expired OAuth2 tokens. */
@SubCommand({
  name: 'clean',
  description: 'Clean tokens expired for more than provided number of days.',
})
export class OAuth2CleanCommand extends DaysCommand {
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
}

@Command({
  name: 'oauth2',
  description: 'Manage OAuth2 applications and tokens.',
  subCommands: [OAuth2CleanCommand, OAuth2AppsCommand, OAuth2TokensCommand],
})
export class OAuth2Command extends CommandGroup {}
