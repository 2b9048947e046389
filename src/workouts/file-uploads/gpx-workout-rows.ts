import { columnLengthProblem } from 'src/common/validation/column-length';
import type { AnalysedFile } from 'src/workouts/file-uploads/analyse-workout-file';
import { WorkoutSaveError } from 'src/workouts/file-uploads/upload-errors';
import type { GpxFigures } from 'src/workouts/gpx/gpx-types';
import { toStoredFigures } from 'src/workouts/gpx/stored-figures';
import { gpxWorkoutTitle } from 'src/workouts/gpx/workout-title';
import { Workout } from 'src/workouts/workout.entity';
import type { NewSegment, NewWorkout, WorkoutFigures } from 'src/workouts/workouts-writer.service';

export interface GpxWorkoutContext {
  userId: number;
  timezone: string | null;
  sportId: number;
  sportLabel: string;
  notes: string | null;
}

export interface GpxWorkoutFiles {
  gpx: string;
  map: string | null;
  mapId: string | null;
  weatherStart: Record<string, unknown> | null;
  weatherEnd: Record<string, unknown> | null;
}

/**
 * FitTrackee `create_workout` + `create_segment` values from an analysed file
 * (docs/uploads.md#computed).
 */
export function toGpxWorkoutRows(
  file: AnalysedFile,
  context: GpxWorkoutContext,
  files: GpxWorkoutFiles,
): { workout: NewWorkout; segments: NewSegment[] } {
  const { analysis } = file;
  const title = gpxWorkoutTitle(
    analysis.name,
    context.sportLabel,
    analysis.start,
    context.timezone,
  );
  // Column limits the reference only meets at the database (FitTrackee `POST /api/workouts`
  // answers "error when saving workout" there).
  if (
    columnLengthProblem(title, Workout, 'title', 'title') !== undefined ||
    columnLengthProblem(context.notes, Workout, 'notes', 'notes') !== undefined
  )
    throw new WorkoutSaveError();
  const workout: NewWorkout = {
    userId: context.userId,
    sportId: context.sportId,
    title,
    workoutDate: analysis.start,
    notes: context.notes,
    ...storedFigures(analysis),
    bounds: analysis.bounds.length === 4 ? [...analysis.bounds] : null,
    gpx: files.gpx,
    map: files.map,
    mapId: files.mapId,
    weatherStart: files.weatherStart,
    weatherEnd: files.weatherEnd,
  };
  const segments = analysis.segments.map((segment): NewSegment => ({
    segmentId: segment.segmentId,
    ...storedFigures(segment),
  }));
  return { workout, segments };
}

function storedFigures(figures: GpxFigures): WorkoutFigures {
  const stored = toStoredFigures(figures);
  return {
    duration: stored.duration,
    pauses: stored.pauses,
    moving: stored.moving,
    distance: stored.distance,
    minAlt: stored.minAlt,
    maxAlt: stored.maxAlt,
    descent: stored.descent,
    ascent: stored.ascent,
    maxSpeed: stored.maxSpeed,
    aveSpeed: stored.aveSpeed,
  };
}
