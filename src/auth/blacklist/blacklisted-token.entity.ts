import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A logged-out first-party JWT (docs/compatibility.md#auth-tokens), stored as a SHA-256 hash, never
 * in clear.
 */
@Entity('blacklisted_tokens')
export class BlacklistedToken {
  @PrimaryGeneratedColumn()
  id!: number;

  /** Hex SHA-256 of the token string. */
  @Column({ type: 'varchar', length: 64 })
  tokenHash!: string;

  /** The token's `exp` claim (Unix seconds). */
  @Column({ type: 'integer' })
  expiredAt!: number;

  @CreateDateColumn({ type: 'timestamp' })
  blacklistedOn!: Date;
}
