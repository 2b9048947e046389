import { Inject } from '@nestjs/common';
import { CommandRunner, Option, SubCommand } from 'nest-commander';
import { AppContextRunner } from 'src/cli/app-context';
import { CLI_OUTPUT, CliError, type CliOutput } from 'src/cli/cli-output';
import { parseBoolean } from 'src/cli/parse-options';
import { AppError } from 'src/common/errors/app-error';
import { UserManagerService } from 'src/users/user-manager.service';

interface UpdateOptions {
  setAdmin?: boolean;
  activate?: boolean;
  resetPassword?: boolean;
  updateEmail?: string;
}

/** `users update USERNAME [--set-admin B] [--activate] [--reset-password] [--update-email E]`. */
@SubCommand({
  name: 'update',
  arguments: '<username>',
  description: 'Manage given user account.',
})
export class UsersUpdateCommand extends CommandRunner {
  constructor(
    private readonly context: AppContextRunner,
    @Inject(CLI_OUTPUT) private readonly output: CliOutput,
  ) {
    super();
  }

  async run([username = '']: string[], options: UpdateOptions): Promise<void> {
    const update = await this.context.run(async (app) => {
      try {
        // The CLI changes the email at once, without confirmation (FitTrackee `ftcli`).
        return await app.get(UserManagerService, { strict: false }).update(username, {
          isAdmin: options.setAdmin,
          activate: options.activate === true,
          resetPassword: options.resetPassword === true,
          newEmail: options.updateEmail,
          withConfirmation: false,
        });
      } catch (error) {
        if (error instanceof AppError && error.httpStatus === 404)
          throw new CliError(
            `User '${username}' not found.\nCheck the provided user name (case sensitive).`,
          );
        throw new CliError(`An error occurred: ${error instanceof Error ? error.message : ''}`);
      }
    });
    if (!update.isUpdated) {
      this.output.out('No updates.');
      return;
    }
    this.output.out(`User '${username}' updated.`);
    if (update.newPassword !== null) this.output.out(`The new password is: ${update.newPassword}`);
  }

  @Option({
    flags: '--set-admin <boolean>',
    description:
      'Add/remove admin rights (when adding admin rights, it also activates user account if not active).',
  })
  parseSetAdmin(value: string): boolean {
    return parseBoolean(value);
  }

  @Option({ flags: '--activate', description: 'Activate user account.' })
  parseActivate(): boolean {
    return true;
  }

  @Option({
    flags: '--reset-password',
    description: 'Reset user password (a new password will be displayed).',
  })
  parseResetPassword(): boolean {
    return true;
  }

  @Option({ flags: '--update-email <email>', description: 'Update user email.' })
  parseUpdateEmail(value: string): string {
    return value;
  }
}
