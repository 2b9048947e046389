import { type DynamicModule, Module } from '@nestjs/common';
import { AppContextRunner } from 'src/cli/app-context';
import { CLI_CONFIG, CLI_OUTPUT, type CliOutput } from 'src/cli/cli-output';
import { CommanderSetup } from 'src/cli/commander-setup';
import { ConfigCommand, ConfigShowCommand } from 'src/cli/commands/config.command';
import { DbCommand, DbUpgradeCommand } from 'src/cli/commands/db.command';
import { HealthCommand } from 'src/cli/commands/health.command';
import { OAuth2CleanCommand, OAuth2Command } from 'src/cli/commands/oauth2.command';
import {
  OAuth2AppsCommand,
  OAuth2AppsListCommand,
  OAuth2AppsRevokeCommand,
} from 'src/cli/commands/oauth2-apps.commands';
import {
  OAuth2TokensCommand,
  OAuth2TokensRevokeCommand,
} from 'src/cli/commands/oauth2-tokens.commands';
import { UsersCommand } from 'src/cli/commands/users.command';
import { UsersCreateCommand } from 'src/cli/commands/users-create.command';
import { UsersListCommand } from 'src/cli/commands/users-list.command';
import {
  UsersCleanArchivesCommand,
  UsersCleanTokensCommand,
  UsersExportArchivesCommand,
} from 'src/cli/commands/users-maintenance.commands';
import { UsersDemoteCommand, UsersPromoteCommand } from 'src/cli/commands/users-role.commands';
import { UsersUpdateCommand } from 'src/cli/commands/users-update.command';
import type { AppConfig } from 'src/config/configuration';

/**
 * The commands only: the groups of FitTrackee `ftcli`. Commands that need the
 * database build the application context themselves (AppContextRunner).
 */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig, output: CliOutput): DynamicModule {
    return {
      module: CliModule,
      providers: [
        { provide: CLI_CONFIG, useValue: config },
        { provide: CLI_OUTPUT, useValue: output },
        AppContextRunner,
        CommanderSetup,
        DbCommand,
        DbUpgradeCommand,
        UsersCommand,
        UsersCreateCommand,
        UsersUpdateCommand,
        UsersCleanTokensCommand,
        UsersCleanArchivesCommand,
        UsersExportArchivesCommand,
        UsersListCommand,
        UsersPromoteCommand,
        UsersDemoteCommand,
        OAuth2Command,
        OAuth2CleanCommand,
        OAuth2AppsCommand,
        OAuth2AppsListCommand,
        OAuth2AppsRevokeCommand,
        OAuth2TokensCommand,
        OAuth2TokensRevokeCommand,
        ConfigCommand,
        ConfigShowCommand,
        HealthCommand,
      ],
    };
  }
}
