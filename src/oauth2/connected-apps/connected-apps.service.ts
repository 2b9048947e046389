import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { NotFoundError } from 'src/common/errors/http-errors';
import { OAuth2Client } from 'src/oauth2/clients/oauth2-client.entity';
import type { ConnectedAppResponseDto } from 'src/oauth2/connected-apps/dto/connected-app-response.dto';
import { toConnectedAppResponse } from 'src/oauth2/connected-apps/dto/to-connected-app-response';
import { OAuth2GrantsService } from 'src/oauth2/connected-apps/oauth2-grants.service';
import { OAuth2CodesService } from 'src/oauth2/tokens/oauth2-codes.service';
import { OAuth2TokensService } from 'src/oauth2/tokens/oauth2-tokens.service';
import type { User } from 'src/users/user.entity';
import {
  recordAppDeauthorizations,
  usersAuthorizing,
} from 'src/webhooks/outbox/record-deauthorization';
import { DataSource, In, Repository } from 'typeorm';

const NOT_FOUND = 'OAuth2 client not found';

/** The applications a user authorized, whoever owns them (docs/oauth2.md#connected-apps). */
@Injectable()
export class ConnectedAppsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(OAuth2Client) private readonly clients: Repository<OAuth2Client>,
    private readonly grants: OAuth2GrantsService,
    private readonly tokens: OAuth2TokensService,
    private readonly codes: OAuth2CodesService,
  ) {}

  async list(user: User): Promise<{ authorized_apps: ConnectedAppResponseDto[] }> {
    const grants = await this.grants.listForUser(user.id);
    const clients = await this.clients.findBy({ id: In(grants.map((grant) => grant.clientId)) });
    const byId = new Map(clients.map((client) => [client.id, client]));
    return {
      authorized_apps: grants.flatMap((grant) => {
        const client = byId.get(grant.clientId);
        return client ? [toConnectedAppResponse(grant, client)] : [];
      }),
    };
  }

  /**
   * Takes the app back: forgets the consent, revokes every access and refresh token of the app
   * for this user and deletes its unused codes, in one transaction: what else a revocation
   * must do (telling the app through its webhooks) belongs in it too. Used codes stay, so that a replay is
   * still recognised (RFC 6749 §4.1.2).
   */
  async revoke(userId: number, clientId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const id = await this.grants.remove(manager, userId, clientId);
      if (id === null) throw new NotFoundError(NOT_FOUND);
      const wasAuthorizing = (await usersAuthorizing(manager, id)).includes(userId);
      await this.tokens.revokeForGrant(manager, userId, id);
      await this.codes.deleteUnusedForGrant(manager, userId, id);
      // The app is told it lost the user (docs/webhooks.md#events), in the same transaction.
      if (wasAuthorizing) await recordAppDeauthorizations(manager, id, [userId]);
    });
  }
}
