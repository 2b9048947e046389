import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A sport; rows are created by the migration, never through the API. */
@Entity('sports')
export class Sport {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 50, unique: true })
  label!: string;

  @Column({ type: 'boolean', default: true })
  isActive!: boolean;

  /** km/h; default for users without a preference. */
  @Column({ type: 'double precision', default: 1.0 })
  stoppedSpeedThreshold!: number;
}
