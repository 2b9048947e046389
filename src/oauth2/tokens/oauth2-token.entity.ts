import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An access/refresh token pair (docs/oauth2.md#tokens), both stored as SHA-256 digests.
 * `familyId` is shared by every pair rotated from the same authorization, so a replayed
 * refresh token revokes the whole family (RFC 9700 §4.14.2).
 */
@Entity('oauth2_tokens')
export class OAuth2Token {
  @PrimaryGeneratedColumn()
  id!: number;

  /** References `oauth2_clients.id`. */
  @Column({ type: 'integer' })
  clientId!: number;

  @Column({ type: 'integer' })
  userId!: number;

  @Column({ type: 'char', length: 64 })
  accessTokenHash!: string;

  @Column({ type: 'char', length: 64, nullable: true })
  refreshTokenHash!: string | null;

  /** Granted scopes, space-separated; null when none. */
  @Column({ type: 'text', nullable: true })
  scope!: string | null;

  @Column({ type: 'timestamp' })
  issuedAt!: Date;

  /** Seconds; 0 means the access token never expires. */
  @Column({ type: 'integer' })
  expiresIn!: number;

  @Column({ type: 'timestamp', nullable: true })
  accessTokenRevokedAt!: Date | null;

  @Column({ type: 'timestamp', nullable: true })
  refreshTokenRevokedAt!: Date | null;

  @Column({ type: 'integer', nullable: true })
  authorizationCodeId!: number | null;

  @Column({ type: 'uuid' })
  familyId!: string;
}
