import type { AnalysedFile } from 'src/workouts/file-uploads/analyse-workout-file';
import { WorkoutSaveError } from 'src/workouts/file-uploads/upload-errors';
import type { GpxFigures } from 'src/workouts/gpx/gpx-types';
import { toStoredFigures } from 'src/workouts/gpx/stored-figures';
import { gpxWorkoutTitle } from 'src/workouts/gpx/workout-title';
import type { NewSegment, NewWorkout, WorkoutFigures } from 'src/workouts/workouts-writer.service';

/** Column limits the reference only meets at the database (spec §1.1, §4.1 rule 10). */
const MAX_TITLE_LENGTH = 255;
const MAX_NOTES_LENGTH = 500;

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

/** FitTrackee `create_workout` + `create_segment` values from an analysed file (spec §4.2). */
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
  if (title.length > MAX_TITLE_LENGTH) throw new WorkoutSaveError();
  if (context.notes !== null && context.notes.length > MAX_NOTES_LENGTH)
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
