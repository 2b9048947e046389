import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The first answer of a create request sent with an `Idempotency-Key` header, replayed to
 * retries for `IDEMPOTENCY_TTL_HOURS`. Neither the key nor the answer is stored in clear.
 */
@Entity('idempotency_keys')
export class IdempotencyKeyRecord {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  userId!: number;

  /** `POST /api/workouts`, `POST /api/workouts/no_gpx` or `POST /api/oauth/apps`. */
  @Column({ type: 'varchar', length: 100 })
  endpoint!: string;

  /** HMAC-SHA256 of the key under the application secret, hex. */
  @Column({ type: 'char', length: 64 })
  keyHash!: string;

  /** SHA-256 of the request body (and file), hex: another body with the same key is refused. */
  @Column({ type: 'char', length: 64 })
  requestHash!: string;

  /** The handler's result, AES-256-GCM sealed under a key derived from the idempotency key. */
  @Column({ type: 'text', nullable: true })
  response!: string | null;

  @Column({ type: 'timestamp' })
  createdAt!: Date;
}
