import { AUTHORIZING_TOKEN } from 'src/webhooks/outbox/authorizing-token.sql';
import { WEBHOOK_EVENT } from 'src/webhooks/webhook-events';
import type { EntityManager } from 'typeorm';

/**
 * Call in the transaction that revoked (or deleted) tokens of OAuth2 client `clientId`
 * (`oauth2_clients.id`), after the revocation, with the users whose tokens were touched:
 * an `app.deauthorized` event is written for each of them that no longer authorizes the
 * client (docs/webhooks.md#events). Users still holding another usable token get none.
 */
export async function recordAppDeauthorizations(
  manager: EntityManager,
  clientId: number,
  userIds: readonly number[],
): Promise<void> {
  if (userIds.length === 0) return;
  await manager.query(
    `INSERT INTO webhook_events (type, user_id, username, client_id)
     SELECT $1, u.id, u.username, $2
       FROM users u
      WHERE u.id = ANY($3::int[])
        AND NOT EXISTS (SELECT 1 FROM oauth2_tokens t
                         WHERE t.client_id = $2 AND t.user_id = u.id AND ${AUTHORIZING_TOKEN})
      ORDER BY u.id`,
    [WEBHOOK_EVENT.APP_DEAUTHORIZED, clientId, [...new Set(userIds)]],
  );
}

/** The users that hold a usable token of the client: read before revoking them all. */
export async function usersAuthorizing(
  manager: EntityManager,
  clientId: number,
): Promise<number[]> {
  const rows = await manager.query<{ user_id: number }[]>(
    `SELECT DISTINCT t.user_id FROM oauth2_tokens t WHERE t.client_id = $1 AND ${AUTHORIZING_TOKEN}`,
    [clientId],
  );
  return rows.map((row) => row.user_id);
}
