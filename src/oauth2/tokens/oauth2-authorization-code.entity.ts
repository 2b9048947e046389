import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An authorization code (docs/oauth2.md#authorization-code-flow), stored as a SHA-256 digest. A
 * used code is kept (with `usedAt`) so that a replay can revoke the tokens issued from it (RFC 6749
 * §4.1.2).
 */
@Entity('oauth2_authorization_codes')
export class OAuth2AuthorizationCode {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'char', length: 64 })
  codeHash!: string;

  /** References `oauth2_clients.id`. */
  @Column({ type: 'integer' })
  clientId!: number;

  @Column({ type: 'integer' })
  userId!: number;

  /** The redirect URI sent to /authorize, null when none was sent. */
  @Column({ type: 'text', nullable: true })
  redirectUri!: string | null;

  /** The requested scope as sent (not filtered). */
  @Column({ type: 'text', nullable: true })
  scope!: string | null;

  @Column({ type: 'text', nullable: true })
  codeChallenge!: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  codeChallengeMethod!: string | null;

  @Column({ type: 'timestamp' })
  authTime!: Date;

  @Column({ type: 'timestamp', nullable: true })
  usedAt!: Date | null;
}
