import { INTERVAL_SECONDS, NUMERIC } from 'src/workouts/column-transformers';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A workout (spec workouts.md §1.1). Dates are naive UTC; durations are seconds; numeric
 * columns keep the reference's precision and PostgreSQL rounds on write (half away from zero),
 * so callers pass raw floats exactly like the reference did.
 */
@Entity('workouts')
export class Workout {
  @PrimaryGeneratedColumn()
  id!: number;

  /** Exposed only as a short id (spec §1.2). */
  @Column({ type: 'uuid', unique: true })
  uuid!: string;

  @Column({ type: 'integer' })
  userId!: number;

  @Column({ type: 'integer' })
  sportId!: number;

  @Column({ type: 'varchar', length: 255, nullable: true })
  title!: string | null;

  /** GPX file path relative to the upload folder; null for manual workouts. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  gpx!: string | null;

  @Column({ type: 'timestamp' })
  creationDate!: Date;

  @Column({ type: 'timestamp', nullable: true })
  modificationDate!: Date | null;

  @Column({ type: 'timestamp' })
  workoutDate!: Date;

  @Column({ type: 'interval', transformer: INTERVAL_SECONDS })
  duration!: number;

  @Column({ type: 'interval', nullable: true, transformer: INTERVAL_SECONDS })
  pauses!: number | null;

  @Column({ type: 'interval', nullable: true, transformer: INTERVAL_SECONDS })
  moving!: number | null;

  @Column({ type: 'numeric', precision: 6, scale: 3, nullable: true, transformer: NUMERIC })
  distance!: number | null;

  @Column({ type: 'numeric', precision: 6, scale: 2, nullable: true, transformer: NUMERIC })
  minAlt!: number | null;

  @Column({ type: 'numeric', precision: 6, scale: 2, nullable: true, transformer: NUMERIC })
  maxAlt!: number | null;

  @Column({ type: 'numeric', precision: 8, scale: 3, nullable: true, transformer: NUMERIC })
  descent!: number | null;

  @Column({ type: 'numeric', precision: 8, scale: 3, nullable: true, transformer: NUMERIC })
  ascent!: number | null;

  @Column({ type: 'numeric', precision: 6, scale: 2, nullable: true, transformer: NUMERIC })
  maxSpeed!: number | null;

  @Column({ type: 'numeric', precision: 6, scale: 2, nullable: true, transformer: NUMERIC })
  aveSpeed!: number | null;

  /** `[min_lat, min_lon, max_lat, max_lon]`. */
  @Column({ type: 'double precision', array: true, nullable: true })
  bounds!: number[] | null;

  /** PNG map path relative to the upload folder. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  map!: string | null;

  /** MD5 of the PNG map; its public identifier (spec §3.7). */
  @Column({ type: 'varchar', length: 50, nullable: true })
  mapId!: string | null;

  @Column({ type: 'json', nullable: true })
  weatherStart!: Record<string, unknown> | null;

  @Column({ type: 'json', nullable: true })
  weatherEnd!: Record<string, unknown> | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  notes!: string | null;
}
