import { Injectable } from '@nestjs/common';
import { ClientCheckLimits } from 'src/oauth2/client-check-limits';
import { isPublicClient, type OAuth2Client } from 'src/oauth2/clients/oauth2-client.entity';
import { OAuth2ClientsService } from 'src/oauth2/clients/oauth2-clients.service';
import { InvalidClientError } from 'src/oauth2/oauth2.errors';
import { matchesHash } from 'src/oauth2/tokens/secrets';

/** The form of a back-channel OAuth2 request: token, revocation, introspection… */
export type ClientForm = Readonly<Record<string, unknown>>;

const PUBLIC_CLIENT_WITH_SECRET =
  'this client is public (token_endpoint_auth_method "none"): send client_id without client_secret';

/**
 * Client authentication for every endpoint a client calls directly
 * (docs/oauth2.md#client-authentication): `client_secret_post` for a confidential client
 * (RFC 6749 §2.3.1, the secret compared in constant time), `client_id` alone for a public one
 * (RFC 6749 §2.1, §3.2.1).
 * HTTP Basic is refused, as FitTrackee `POST /api/oauth/token` does.
 */
@Injectable()
export class ClientAuthenticationService {
  constructor(
    private readonly clients: OAuth2ClientsService,
    private readonly limits: ClientCheckLimits,
  ) {}

  /** The whole check for an endpoint whose only secret is the client's. */
  authenticate(
    form: ClientForm,
    authorization: string | undefined,
    ip: string | undefined,
  ): Promise<OAuth2Client> {
    return this.authenticateThen(form, authorization, ip, (client) => Promise.resolve(client));
  }

  /**
   * The method first, then the credentials and `work` under the credential limits (429 after
   * repeated failures; `invalid_client` and `invalid_grant` count as failures, so the token
   * endpoint runs its grant as `work`). A public client's failures count per address only:
   * its `client_id` is published with the app and shared by all its users, so counting them
   * per client would let anyone lock every user out, and there is no secret to guess.
   */
  async authenticateThen<T>(
    form: ClientForm,
    authorization: string | undefined,
    ip: string | undefined,
    work: (client: OAuth2Client) => Promise<T>,
  ): Promise<T> {
    refuseUnsupportedMethod(authorization);
    const clientId = form['client_id'];
    const client =
      typeof clientId === 'string' && clientId !== ''
        ? await this.clients.findByClientId(clientId)
        : null;
    const account = client !== null && isPublicClient(client) ? undefined : clientId;
    return this.limits.run(account, ip, async () => work(verify(client, form['client_secret'])));
  }
}

/** Throws `invalid_client` unless `client` exists and `secret` is right for it. */
function verify(client: OAuth2Client | null, secret: unknown): OAuth2Client {
  if (!client) throw new InvalidClientError();
  if (isPublicClient(client)) {
    // An empty field is what some libraries send for "no secret".
    if (secret !== undefined && secret !== '')
      throw new InvalidClientError(PUBLIC_CLIENT_WITH_SECRET);
    return client;
  }
  if (
    typeof secret !== 'string' ||
    secret === '' ||
    client.clientSecretHash === null ||
    !matchesHash(secret, client.clientSecretHash)
  )
    throw new InvalidClientError();
  return client;
}

/** client_secret_post or none only, as FitTrackee `POST /api/oauth/token`: HTTP Basic is refused. */
export function refuseUnsupportedMethod(authorization: string | undefined): void {
  if (authorization !== undefined && /^basic\s/i.test(authorization))
    throw new InvalidClientError(
      'client_secret_basic is not supported: send client_id and client_secret in the form body',
    );
}
