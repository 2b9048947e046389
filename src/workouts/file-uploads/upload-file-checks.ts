import type { UploadLimits } from 'src/app-config/app-config.service';
import { PayloadTooLargeError } from 'src/common/errors/payload-too-large.error';
import { NoFilePartError, NoSelectedFileError } from 'src/workouts/file-uploads/upload-errors';
import { FileExtensionNotAllowedError } from 'src/workouts/files/workout-file.errors';
import {
  getFileExtension,
  getWorkoutFileExtension,
  type WorkoutFileExtension,
} from 'src/workouts/files/workout-file-type';

/** The `file` part as `ChunkedMemoryStorage` hands it over. */
export interface UploadedFile {
  originalname: string;
  chunks: Buffer[];
  size: number;
}

export type UploadKind = WorkoutFileExtension | 'zip';

/**
 * FitTrackee's `get_error_response_if_file_is_invalid` (docs/uploads.md#validation rules 2–5): file
 * part, file name, extension (gpx or zip, plus the formats we convert), then the single-file
 * size, which like the reference is the whole request's Content-Length; zips are only bounded
 * by rule 1.
 */
export function checkUploadedFile(
  file: UploadedFile | undefined,
  hasEmptyFileName: boolean,
  limits: UploadLimits,
  requestSize: number | undefined,
): UploadKind {
  if (file === undefined)
    throw hasEmptyFileName ? new NoSelectedFileError() : new NoFilePartError();
  if (file.originalname === '') throw new NoSelectedFileError();
  const kind: UploadKind | null =
    getFileExtension(file.originalname) === 'zip'
      ? 'zip'
      : getWorkoutFileExtension(file.originalname);
  if (kind === null) throw new FileExtensionNotAllowedError();
  if (kind !== 'zip') {
    const size = requestSize ?? file.size;
    if (size > limits.maxSingleFileSize)
      throw new PayloadTooLargeError('workout', size, limits.maxSingleFileSize);
  }
  return kind;
}
