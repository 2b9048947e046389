/** Workout file formats accepted alone or inside a zip archive (issue 6 "Beyond GPX"). */
export const WORKOUT_FILE_EXTENSIONS = ['gpx', 'fit', 'tcx', 'kml', 'kmz'] as const;

export type WorkoutFileExtension = (typeof WORKOUT_FILE_EXTENSIONS)[number];

/** Lower-cased text after the last dot, as FitTrackee's `allowed_file` (docs/uploads.md `file`). */
export function getFileExtension(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

export function getWorkoutFileExtension(fileName: string): WorkoutFileExtension | null {
  const extension = getFileExtension(fileName);
  return (WORKOUT_FILE_EXTENSIONS as readonly string[]).includes(extension)
    ? (extension as WorkoutFileExtension)
    : null;
}

export function isWorkoutFileName(fileName: string): boolean {
  return getWorkoutFileExtension(fileName) !== null;
}
