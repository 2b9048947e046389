import { Inject } from '@nestjs/common';
import { CommandRunner, Option, SubCommand } from 'nest-commander';
import { AppContextRunner } from 'src/cli/app-context';
import { CLI_OUTPUT, type CliOutput } from 'src/cli/cli-output';
import { CommandGroup } from 'src/cli/commands/command-group';
import { findUser } from 'src/cli/find-user';
import { OAuth2TokensService } from 'src/oauth2/tokens/oauth2-tokens.service';

/** `oauth2 tokens revoke --user NAME`: every OAuth2 grant of a user, whatever the app. */
@SubCommand({ name: 'revoke', description: 'Revoke all the OAuth2 tokens of a user.' })
export class OAuth2TokensRevokeCommand extends CommandRunner {
  constructor(
    private readonly context: AppContextRunner,
    @Inject(CLI_OUTPUT) private readonly output: CliOutput,
  ) {
    super();
  }

  async run(_args: string[], options: { user: string }): Promise<void> {
    await this.context.run(async (app) => {
      const user = await findUser(app, options.user);
      await app.get(OAuth2TokensService, { strict: false }).revokeForUser(user.id);
    });
    this.output.out(`OAuth2 tokens of user '${options.user}' revoked.`);
  }

  @Option({ flags: '--user <username>', description: 'User name.', required: true })
  parseUser(value: string): string {
    return value;
  }
}

@SubCommand({
  name: 'tokens',
  description: 'Manage OAuth2 tokens.',
  subCommands: [OAuth2TokensRevokeCommand],
})
export class OAuth2TokensCommand extends CommandGroup {}
