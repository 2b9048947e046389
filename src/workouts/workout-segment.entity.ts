import { INTERVAL_SECONDS, NUMERIC } from 'src/workouts/column-transformers';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One segment of the first track of a GPX workout; `segmentId` is 0-based (spec workouts.md §1.1). */
@Entity('workout_segments')
export class WorkoutSegment {
  @PrimaryColumn({ type: 'integer' })
  workoutId!: number;

  @PrimaryColumn({ type: 'integer' })
  segmentId!: number;

  @Column({ type: 'uuid' })
  workoutUuid!: string;

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
}
