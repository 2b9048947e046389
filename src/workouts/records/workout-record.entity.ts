import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const RECORD_TYPES = ['AS', 'FD', 'HA', 'LD', 'MS'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/**
 * A user's best workout of a sport for one record type. `value` is an
 * integer: AS/MS × 100, FD/HA × 1000, LD in whole seconds.
 */
@Entity('records')
export class WorkoutRecord {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  userId!: number;

  @Column({ type: 'integer' })
  sportId!: number;

  @Column({ type: 'integer' })
  workoutId!: number;

  @Column({ type: 'uuid' })
  workoutUuid!: string;

  @Column({ type: 'varchar', length: 2 })
  recordType!: RecordType;

  @Column({ type: 'timestamp' })
  workoutDate!: Date;

  @Column({ type: 'bigint', nullable: true })
  value!: string | null;
}
