import { Inject } from '@nestjs/common';
import { CommandRunner, Option, SubCommand } from 'nest-commander';
import { AppContextRunner } from 'src/cli/app-context';
import { CLI_OUTPUT, CliError, type CliOutput } from 'src/cli/cli-output';
import { UserCreationError, UserManagerService } from 'src/users/user-manager.service';

interface CreateOptions {
  email: string;
  password?: string;
}

/** `users create USERNAME --email EMAIL [--password PASSWORD]` (FitTrackee `ftcli`). */
@SubCommand({
  name: 'create',
  arguments: '<username>',
  description: 'Create an active user account.',
})
export class UsersCreateCommand extends CommandRunner {
  constructor(
    private readonly context: AppContextRunner,
    @Inject(CLI_OUTPUT) private readonly output: CliOutput,
  ) {
    super();
  }

  async run([username = '']: string[], options: CreateOptions): Promise<void> {
    const created = await this.context.run(async (app) => {
      try {
        return await app
          .get(UserManagerService, { strict: false })
          .create(username, options.email, options.password);
      } catch (error) {
        if (error instanceof UserCreationError)
          throw new CliError(`Error(s) occurred:\n${error.message.replace(/\n$/, '')}`);
        throw error;
      }
    });
    this.output.out(`User '${username}' created.`);
    if (options.password === undefined || options.password === '')
      this.output.out(`The user password is: ${created.password}`);
  }

  @Option({ flags: '--email <email>', description: 'User email.', required: true })
  parseEmail(value: string): string {
    return value;
  }

  @Option({
    flags: '--password <password>',
    description: 'User password. If not provided, a random password is generated.',
  })
  parsePassword(value: string): string {
    return value;
  }
}
