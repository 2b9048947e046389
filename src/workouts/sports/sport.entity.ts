import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A sport (spec workouts.md §8.1); rows are created by the migration, never through the API. */
@Entity('sports')
export class Sport {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 50, unique: true })
  label!: string;

  @Column({ type: 'boolean', default: true })
  isActive!: boolean;

  /** km/h; default for users without a preference (spec §4.2, §8.3). */
  @Column({ type: 'double precision', default: 1.0 })
  stoppedSpeedThreshold!: number;
}
