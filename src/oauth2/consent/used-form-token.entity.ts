import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A consent form token already sent (single use); kept until the token expires. */
@Entity('oauth2_used_form_tokens')
export class UsedFormToken {
  /** Hex SHA-256 of the token's nonce. */
  @PrimaryColumn({ type: 'char', length: 64 })
  nonceHash!: string;

  /** The token's expiry, Unix seconds. */
  @Column({ type: 'integer' })
  expiresAt!: number;
}
