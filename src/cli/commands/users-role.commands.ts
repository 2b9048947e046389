import { Inject } from '@nestjs/common';
import { CommandRunner, SubCommand } from 'nest-commander';
import { AppContextRunner } from 'src/cli/app-context';
import { CLI_OUTPUT, CliError, type CliOutput } from 'src/cli/cli-output';
import { AppError } from 'src/common/errors/app-error';
import { UserManagerService } from 'src/users/user-manager.service';

/**
 * `users promote NAME` / `users demote NAME`: the same change as `users update NAME --set-admin
 * true|false` (promoting also activates the account), under the names an admin looks for.
 */
abstract class UsersRoleCommand extends CommandRunner {
  protected abstract readonly isAdmin: boolean;

  constructor(
    private readonly context: AppContextRunner,
    @Inject(CLI_OUTPUT) private readonly output: CliOutput,
  ) {
    super();
  }

  async run([username = '']: string[]): Promise<void> {
    await this.context.run(async (app) => {
      try {
        return await app
          .get(UserManagerService, { strict: false })
          .update(username, { isAdmin: this.isAdmin, withConfirmation: false });
      } catch (error) {
        if (error instanceof AppError && error.httpStatus === 404)
          throw new CliError(
            `User '${username}' not found.\nCheck the provided user name (case sensitive).`,
          );
        throw error;
      }
    });
    this.output.out(`User '${username}' is now ${this.isAdmin ? 'an admin' : 'not an admin'}.`);
  }
}

@SubCommand({
  name: 'promote',
  arguments: '<username>',
  description: 'Give admin rights (and activate the account).',
})
export class UsersPromoteCommand extends UsersRoleCommand {
  protected readonly isAdmin = true;
}

@SubCommand({ name: 'demote', arguments: '<username>', description: 'Remove admin rights.' })
export class UsersDemoteCommand extends UsersRoleCommand {
  protected readonly isAdmin = false;
}
