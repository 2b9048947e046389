import { Command } from 'nest-commander';
import { CommandGroup } from 'src/cli/commands/command-group';
import { UsersCreateCommand } from 'src/cli/commands/users-create.command';
import {
  UsersCleanArchivesCommand,
  UsersCleanTokensCommand,
  UsersExportArchivesCommand,
} from 'src/cli/commands/users-maintenance.commands';
import { UsersUpdateCommand } from 'src/cli/commands/users-update.command';

@Command({
  name: 'users',
  description: 'Manage users.',
  subCommands: [
    UsersCreateCommand,
    UsersUpdateCommand,
    UsersCleanTokensCommand,
    UsersCleanArchivesCommand,
    UsersExportArchivesCommand,
  ],
})
export class UsersCommand extends CommandGroup {}
