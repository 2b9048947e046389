import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type DeviceCodeStatus = 'pending' | 'approved' | 'denied';

/**
 * A device authorization request (RFC 8628 §3.1, docs/oauth2.md#device-flow). Both codes are
 * stored as SHA-256 digests; the user is known once they approved.
 */
@Entity('oauth2_device_codes')
export class OAuth2DeviceCode {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'char', length: 64 })
  deviceCodeHash!: string;

  /** Digest of the normalized user code (upper case, no dash). */
  @Column({ type: 'char', length: 64 })
  userCodeHash!: string;

  /** References `oauth2_clients.id`. */
  @Column({ type: 'integer' })
  clientId!: number;

  /** The requested scope as sent (filtered against the client's when tokens are issued). */
  @Column({ type: 'text', nullable: true })
  scope!: string | null;

  @Column({ type: 'timestamp' })
  expiresAt!: Date;

  /** Seconds the device must wait between polls; grows by 5 at each `slow_down`. */
  @Column({ type: 'integer' })
  interval!: number;

  @Column({ type: 'timestamp', nullable: true })
  lastPolledAt!: Date | null;

  @Column({ type: 'varchar', length: 10 })
  status!: DeviceCodeStatus;

  /** The user who approved. */
  @Column({ type: 'integer', nullable: true })
  userId!: number | null;

  /** When the device got its tokens: a device code is exchanged once. */
  @Column({ type: 'timestamp', nullable: true })
  usedAt!: Date | null;
}
