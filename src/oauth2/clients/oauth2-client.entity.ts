import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A third-party application (docs/oauth2.md#clients). The secret is stored as a SHA-256 digest,
 * shown once at creation. Grant types, response types and the token endpoint auth method are
 * fixed, so they are not stored.
 */
@Entity('oauth2_clients')
export class OAuth2Client {
  @PrimaryGeneratedColumn()
  id!: number;

  /** The public 24-character `client_id`. */
  @Column({ type: 'varchar', length: 24 })
  clientId!: string;

  @Column({ type: 'char', length: 64 })
  clientSecretHash!: string;

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
