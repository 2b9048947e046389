import { Inject } from '@nestjs/common';
import { getRepositoryToken } from '@nestjs/typeorm';
import { CommandRunner, Option, SubCommand } from 'nest-commander';
import { AppContextRunner } from 'src/cli/app-context';
import { CLI_OUTPUT, CliError, type CliOutput } from 'src/cli/cli-output';
import { CommandGroup } from 'src/cli/commands/command-group';
import { findUser } from 'src/cli/find-user';
import { formatDate, formatTable } from 'src/cli/table';
import { OAuth2Client } from 'src/oauth2/clients/oauth2-client.entity';
import { OAuth2ClientsService } from 'src/oauth2/clients/oauth2-clients.service';
import { OAuth2TokensService } from 'src/oauth2/tokens/oauth2-tokens.service';
import { User } from 'src/users/user.entity';
import { In, type Repository } from 'typeorm';

/** `oauth2 apps list [--user NAME]`: the registered clients of every user, or of one. */
@SubCommand({ name: 'list', description: 'List OAuth2 applications (clients).' })
export class OAuth2AppsListCommand extends CommandRunner {
  constructor(
    private readonly context: AppContextRunner,
    @Inject(CLI_OUTPUT) private readonly output: CliOutput,
  ) {
    super();
  }

  async run(_args: string[], options: { user?: string }): Promise<void> {
    const rows = await this.context.run(async (app) => {
      const owner = options.user === undefined ? undefined : await findUser(app, options.user);
      const clients = await app
        .get<unknown, Repository<OAuth2Client>>(getRepositoryToken(OAuth2Client), { strict: false })
        .find({ where: owner && { userId: owner.id }, order: { id: 'ASC' } });
      const users = await app
        .get<unknown, Repository<User>>(getRepositoryToken(User), { strict: false })
        .findBy({ id: In([...new Set(clients.map((client) => client.userId))]) });
      const names = new Map(users.map((user) => [user.id, user.username]));
      return clients.map((client) => [
        client.clientId,
        client.name,
        names.get(client.userId) ?? '',
        formatDate(client.issuedAt),
        client.scope,
      ]);
    });
    this.output.out(
      formatTable(['CLIENT_ID', 'NAME', 'OWNER', 'CREATED', 'SCOPE'], rows, 'No OAuth2 apps.'),
    );
  }

  @Option({ flags: '--user <username>', description: 'Only the apps of this user.' })
  parseUser(value: string): string {
    return value;
  }
}

/**
 * `oauth2 apps revoke CLIENT_ID`: every token of a client, as its owner can with FitTrackee
 * `POST /api/oauth/apps/<id>/revoke`, for any client (e.g. a leaked secret).
 */
@SubCommand({
  name: 'revoke',
  arguments: '<client_id>',
  description: 'Revoke all the tokens of an OAuth2 application.',
})
export class OAuth2AppsRevokeCommand extends CommandRunner {
  constructor(
    private readonly context: AppContextRunner,
    @Inject(CLI_OUTPUT) private readonly output: CliOutput,
  ) {
    super();
  }

  async run([clientId = '']: string[]): Promise<void> {
    const client = await this.context.run(async (app) => {
      const found = await app.get(OAuth2ClientsService, { strict: false }).findByClientId(clientId);
      if (found === null) throw new CliError(`OAuth2 app '${clientId}' not found.`);
      await app.get(OAuth2TokensService, { strict: false }).revokeForClient(found.id);
      return found;
    });
    this.output.out(`Tokens of OAuth2 app '${clientId}' (${client.name}) revoked.`);
  }
}

@SubCommand({
  name: 'apps',
  description: 'Manage OAuth2 applications.',
  subCommands: [OAuth2AppsListCommand, OAuth2AppsRevokeCommand],
})
export class OAuth2AppsCommand extends CommandGroup {}
