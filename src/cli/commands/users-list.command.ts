import { Inject } from '@nestjs/common';
import { getRepositoryToken } from '@nestjs/typeorm';
import { CommandRunner, SubCommand } from 'nest-commander';
import { AppContextRunner } from 'src/cli/app-context';
import { CLI_OUTPUT, type CliOutput } from 'src/cli/cli-output';
import { formatDate, formatTable, yesNo } from 'src/cli/table';
import { User } from 'src/users/user.entity';
import type { Repository } from 'typeorm';

/** `users list`: every account, to find the exact (case-sensitive) name the other commands take. */
@SubCommand({ name: 'list', description: 'List user accounts.' })
export class UsersListCommand extends CommandRunner {
  constructor(
    private readonly context: AppContextRunner,
    @Inject(CLI_OUTPUT) private readonly output: CliOutput,
  ) {
    super();
  }

  async run(): Promise<void> {
    const users = await this.context.run((app) =>
      app
        .get<unknown, Repository<User>>(getRepositoryToken(User), { strict: false })
        .find({ order: { username: 'ASC', id: 'ASC' } }),
    );
    const rows = users.map((user) => [
      user.username,
      user.email,
      yesNo(user.admin),
      yesNo(user.isActive),
      formatDate(user.createdAt),
    ]);
    this.output.out(
      formatTable(['USERNAME', 'EMAIL', 'ADMIN', 'ACTIVE', 'CREATED'], rows, 'No users.'),
    );
  }
}
