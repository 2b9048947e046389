import { NoWorkoutInZipError } from 'src/workouts/files/workout-file.errors';
import { getFileExtension, isWorkoutFileName } from 'src/workouts/files/workout-file-type';
import { readZipMembers, type ZipMember } from 'src/workouts/files/zip/safe-zip';
import { isTopLevelName } from 'src/workouts/files/zip/zip-entry-name';

/** Hard ceiling on what one archive may inflate to, whatever the admin limits multiply to. */
export const MAX_ZIP_TOTAL_BYTES = 256 * 1024 * 1024;

export interface WorkoutZipLimits {
  /** App config `gpx_limit_import`. */
  gpxLimitImport: number;
  /** App config `max_single_file_size`, in bytes. */
  maxSingleFileSize: number;
  /** Cap on all inflated bytes; default min(limit × max size, MAX_ZIP_TOTAL_BYTES). */
  maxTotalBytes?: number;
}

/**
 * The workout files of an uploaded archive, FitTrackee's `process_zip_archive` rules
 * (docs/uploads.md#validation rule 8): workout files anywhere in the archive are counted and
 * size-checked, only those at the top level are imported, in directory order; none → `{"status":"fail","data":{"workouts":[]}}`.
 * Like the reference (whose allowed extensions are `gpx` and `zip`), nested `.zip` members are
 * counted and size-checked too, and one at the top level is returned: it is refused in its turn
 * as an invalid GPX file (`analyseWorkoutFile`).
 */
export async function extractWorkoutFiles(
  source: Buffer | string,
  limits: WorkoutZipLimits,
): Promise<ZipMember[]> {
  const maxTotalBytes =
    limits.maxTotalBytes ??
    Math.min(limits.gpxLimitImport * limits.maxSingleFileSize, MAX_ZIP_TOTAL_BYTES);
  const members = await readZipMembers(source, {
    isCounted: isImportedName,
    maxCounted: limits.gpxLimitImport,
    isSelected: (name) => isTopLevelName(name) && isImportedName(name),
    maxMemberBytes: limits.maxSingleFileSize,
    maxTotalBytes,
  });
  if (members.length === 0) throw new NoWorkoutInZipError();
  return members;
}

function isImportedName(name: string): boolean {
  return isWorkoutFileName(name) || getFileExtension(name) === 'zip';
}
