import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Per-user sport settings. */
@Entity('users_sports_preferences')
export class UserSportPreference {
  @PrimaryColumn({ type: 'integer' })
  userId!: number;

  @PrimaryColumn({ type: 'integer' })
  sportId!: number;

  @Column({ type: 'varchar', length: 50, nullable: true })
  color!: string | null;

  @Column({ type: 'boolean', default: true })
  isActive!: boolean;

  @Column({ type: 'double precision' })
  stoppedSpeedThreshold!: number;
}
