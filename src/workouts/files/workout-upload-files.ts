import { convertToGpx } from 'src/workouts/files/formats/convert-to-gpx';
import type { FitSegmentsCreation } from 'src/workouts/files/formats/fit-to-gpx';
import { FileExtensionNotAllowedError } from 'src/workouts/files/workout-file.errors';
import { getFileExtension, getWorkoutFileExtension } from 'src/workouts/files/workout-file-type';
import { extractWorkoutFiles } from 'src/workouts/files/zip/workout-zip';

/** Extensions `POST /api/workouts` accepts: FitTrackee's gpx and zip, plus fit/tcx/kml/kmz. */
export const ALLOWED_UPLOAD_EXTENSIONS = ['gpx', 'fit', 'tcx', 'kml', 'kmz', 'zip'] as const;

export interface UploadLimits {
  gpxLimitImport: number;
  maxSingleFileSize: number;
}

export interface WorkoutSourceFile {
  /** The uploaded name, or the member name inside the zip. */
  name: string;
  /** GPX text of the workout (the uploaded bytes themselves for a .gpx). */
  gpx: Buffer;
}

export function isAllowedUploadName(fileName: string): boolean {
  return (ALLOWED_UPLOAD_EXTENSIONS as readonly string[]).includes(getFileExtension(fileName));
}

/**
 * Every workout of one uploaded file as GPX, in import order: a single workout file, or the
 * top-level workout files of a zip (docs/uploads.md#validation rule 8). All or nothing: the first
 * bad member throws, so the caller creates no workout from a failing archive.
 */
export async function readUploadedWorkoutFiles(
  fileName: string,
  data: Buffer,
  limits: UploadLimits,
  fitSegmentsCreation?: FitSegmentsCreation,
): Promise<WorkoutSourceFile[]> {
  const options = {
    maxSingleFileSize: limits.maxSingleFileSize,
    ...(fitSegmentsCreation === undefined ? {} : { fitSegmentsCreation }),
  };
  if (getFileExtension(fileName) === 'zip') {
    const members = await extractWorkoutFiles(data, limits);
    const files: WorkoutSourceFile[] = [];
    for (const member of members) {
      files.push({ name: member.name, gpx: await convertToGpx(member.name, member.data, options) });
    }
    return files;
  }
  if (getWorkoutFileExtension(fileName) === null) throw new FileExtensionNotAllowedError();
  return [{ name: fileName, gpx: await convertToGpx(fileName, data, options) }];
}
