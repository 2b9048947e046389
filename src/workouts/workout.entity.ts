import { INTERVAL_SECONDS } from 'src/workouts/column-transformers';
import { figureColumn } from 'src/workouts/figure-columns';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A workout (FitTrackee workout model). Dates are naive UTC; durations are seconds; numeric
 * columns keep the reference's scale (their precision is wider: `figure-columns.ts`) and
 * PostgreSQL rounds on write (half away from zero), so callers pass raw floats exactly like
 * the reference did.
 */
@Entity('workouts')
export class Workout {
  @PrimaryGeneratedColumn()
  id!: number;

  /** Exposed only as a short id (docs/compatibility.md#ids). */
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

  @Column(figureColumn('distance'))
  distance!: number | null;

  @Column(figureColumn('min_alt'))
  minAlt!: number | null;

  @Column(figureColumn('max_alt'))
  maxAlt!: number | null;

  @Column(figureColumn('descent'))
  descent!: number | null;

  @Column(figureColumn('ascent'))
  ascent!: number | null;

  @Column(figureColumn('max_speed'))
  maxSpeed!: number | null;

  @Column(figureColumn('ave_speed'))
  aveSpeed!: number | null;

  /** `[min_lat, min_lon, max_lat, max_lon]`. */
  @Column({ type: 'double precision', array: true, nullable: true })
  bounds!: number[] | null;

  /** PNG map path relative to the upload folder. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  map!: string | null;

  /** MD5 of the PNG map; its public identifier (FitTrackee `GET /api/workouts/map/<map_id>`). */
  @Column({ type: 'varchar', length: 50, nullable: true })
  mapId!: string | null;

  @Column({ type: 'json', nullable: true })
  weatherStart!: Record<string, unknown> | null;

  @Column({ type: 'json', nullable: true })
  weatherEnd!: Record<string, unknown> | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  notes!: string | null;
}
