import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * How a client authenticates at the token endpoint (RFC 7591 §2): with its secret in the form
 * (a confidential client), or not at all (a public client, RFC 6749 §2.1).
 */
export const TOKEN_ENDPOINT_AUTH_METHODS = ['client_secret_post', 'none'] as const;
export type TokenEndpointAuthMethod = (typeof TOKEN_ENDPOINT_AUTH_METHODS)[number];

/**
 * A third-party application (docs/oauth2.md#clients). The secret of a confidential client is
 * stored as a SHA-256 digest, shown once at creation; a public client has none. Grant types and
 * response types are fixed, so they are not stored.
 */
@Entity('oauth2_clients')
export class OAuth2Client {
  @PrimaryGeneratedColumn()
  id!: number;

  /** The public 24-character `client_id`. */
  @Column({ type: 'varchar', length: 24 })
  clientId!: string;

  /** Null for a public client. */
  @Column({ type: 'char', length: 64, nullable: true })
  clientSecretHash!: string | null;

  @Column({ type: 'varchar', length: 32, default: 'client_secret_post' })
  tokenEndpointAuthMethod!: TokenEndpointAuthMethod;

  @Column({ type: 'timestamp' })
  issuedAt!: Date;

  @Column({ type: 'integer' })
  userId!: number;

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  /** The application's website (`client_uri`). */
  @Column({ type: 'text' })
  website!: string;

  /** The first one is the default redirect URI (docs/oauth2.md#clients). */
  @Column({ type: 'text', array: true })
  redirectUris!: string[];

  @Column({ type: 'text' })
  scope!: string;
}

/** A client that cannot keep a secret: native and browser apps (RFC 6749 §2.1, RFC 8252 §8.4). */
export function isPublicClient(client: Pick<OAuth2Client, 'tokenEndpointAuthMethod'>): boolean {
  return client.tokenEndpointAuthMethod === 'none';
}
