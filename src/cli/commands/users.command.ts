import { Command } from 'nest-commander';
import { CommandGroup } from 'src/cli/commands/command-group';
import { UsersCreateCommand } from 'src/cli/commands/users-create.command';
import { UsersListCommand } from 'src/cli/commands/users-list.command';
import {
  UsersCleanArchivesCommand,
  UsersCleanTokensCommand,
  UsersExportArchivesCommand,
} from 'src/cli/commands/users-maintenance.commands';
import { UsersDemoteCommand, UsersPromoteCommand } from 'src/cli/commands/users-role.commands';
import { UsersUpdateCommand } from 'src/cli/commands/users-update.command';

@Command({
  name: 'users',
  description: 'Manage users.',
  subCommands: [
    UsersListCommand,
    UsersCreateCommand,
    UsersUpdateCommand,
    UsersPromoteCommand,
    UsersDemoteCommand,
    UsersCleanTokensCommand,
    UsersCleanArchivesCommand,
    UsersExportArchivesCommand,
  ],
})
export class UsersCommand extends CommandGroup {}
