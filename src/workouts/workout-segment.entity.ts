import { INTERVAL_SECONDS } from 'src/workouts/column-transformers';
import { figureColumn } from 'src/workouts/figure-columns';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One segment of the first track of a GPX workout; `segmentId` is 0-based (FitTrackee workout
 * model).
 */
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
}
