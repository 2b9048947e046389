import { AppError } from 'src/common/errors/app-error';

/**
 * `POST /api/workouts` refusals of docs/uploads.md#validation that are not about a file's content
 * (those are `GpxError` and the errors of `src/workouts/files`).
 */

/** Rule 2. */
export class NoFilePartError extends AppError {
  constructor() {
    super(400, 'fail', { message: 'no file part' });
  }
}

/** Rule 3. */
export class NoSelectedFileError extends AppError {
  constructor() {
    super(400, 'fail', { message: 'no selected file' });
  }
}

/** Rule 7; the reference answers 500 for this client mistake; we answer 400 with the same message. */
export class UnknownSportError extends AppError {
  constructor(sportId: string) {
    super(400, 'error', { message: `Sport id: ${sportId} does not exist` });
  }
}

/** Rule 10: `notes` over 500 characters or a track name over 255 (a database error there). */
export class WorkoutSaveError extends AppError {
  constructor(httpStatus = 400) {
    super(httpStatus, 'error', { message: 'error when saving workout' });
  }
}

/**
 * Rule 10 again, for figures: a value the file gives that its column cannot hold, named, e.g.
 * `error when saving workout: max_speed (72000000000 km/h) exceeds 99999999.99 km/h`.
 */
export class FigureTooLargeError extends AppError {
  constructor(detail: string) {
    super(400, 'error', { message: `error when saving workout: ${detail}` });
  }
}

/** Rule 9: a workout file could not be written (a server-side failure, as in the reference). */
export class WorkoutFileSaveError extends AppError {
  constructor() {
    super(500, 'error', { message: 'Error during workout file save.' });
  }
}
