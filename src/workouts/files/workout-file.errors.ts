import { AppError } from 'src/common/errors/app-error';
import { PayloadTooLargeError } from 'src/common/errors/payload-too-large.error';

/**
 * Errors of the workout file libraries. Where FitTrackee answers 500 for a bad file we answer
 * 400 with the same message (docs/uploads.md#validation, docs/uploads.md#hostile-input).
 */

/** docs/uploads.md#validation rule 8: more workout files in the archive than `gpx_limit_import`. */
export class ZipTooManyFilesError extends AppError {
  constructor() {
    super(400, 'fail', { message: 'the number of files in the archive exceeds the limit' });
  }
}

/**
 * docs/uploads.md#validation rule 8: a member larger than `max_single_file_size` (declared or
 * actually inflated).
 */
export class ZipMemberTooLargeError extends AppError {
  constructor() {
    super(400, 'fail', {
      message: 'at least one file in zip archive exceeds size limit, please check the archive',
    });
  }
}

/** All members together inflate to more than the archive budget (zip bomb with lying headers). */
export class ZipTooLargeError extends PayloadTooLargeError {
  constructor(limit: number) {
    super('workout', undefined, limit);
  }
}

/**
 * A member whose name is absolute or climbs out (`..`), or a symbolic link
 * (docs/uploads.md#hostile-input).
 */
export class ZipUnsafeEntryError extends AppError {
  constructor() {
    super(400, 'fail', { message: 'zip archive contains an unsafe file name or link' });
  }
}

/** Not a zip, truncated, encrypted or with an unsupported compression method. */
export class ZipInvalidError extends AppError {
  constructor() {
    super(400, 'error', { message: 'zip archive is invalid' });
  }
}

/**
 * docs/uploads.md#validation rule 8: no workout came out of the archive (e.g. files only in a
 * sub-folder).
 */
export class NoWorkoutInZipError extends AppError {
  constructor() {
    super(400, 'fail', { data: { workouts: [] } });
  }
}

/** docs/uploads.md#validation rule 4, for a name whose extension no converter handles. */
export class FileExtensionNotAllowedError extends AppError {
  constructor() {
    super(400, 'fail', { message: 'file extension not allowed' });
  }
}

/**
 * A file that cannot be turned into a GPX track. Messages follow FitTrackee's later file
 * services (`error when parsing tcx file`, `no tracks in kml file`...).
 */
export class WorkoutFileError extends AppError {
  constructor(message: string) {
    super(400, 'error', { message });
  }
}
