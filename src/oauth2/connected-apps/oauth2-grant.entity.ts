import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A user's standing authorization of one application (docs/oauth2.md#connected-apps): what the
 * user consented to, kept so that a later request for no more than that may skip the consent
 * screen, and listed so that the user can take it back.
 */
@Entity('oauth2_grants')
export class OAuth2Grant {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  userId!: number;

  /** References `oauth2_clients.id`. */
  @Column({ type: 'integer' })
  clientId!: number;

  /** Every scope granted so far, the union of the consents. */
  @Column({ type: 'text', array: true })
  scopes!: string[];

  /** Where the last consent sent the browser; null for a grant older than this table. */
  @Column({ type: 'text', nullable: true })
  redirectUri!: string | null;

  @Column({ type: 'timestamp' })
  firstAuthorizedAt!: Date;

  /** Kept to the minute (docs/oauth2.md#connected-apps); null until a token was issued. */
  @Column({ type: 'timestamp', nullable: true })
  lastUsedAt!: Date | null;
}
