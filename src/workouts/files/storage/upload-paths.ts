import { randomBytes } from 'node:crypto';
import { isAbsolute, resolve, sep } from 'node:path';

import { AppError } from 'src/common/errors/app-error';

/** A relative path that would leave the upload folder: a programming error, never user data. */
export class UnsafeUploadPathError extends AppError {
  constructor() {
    super(500, 'error', { message: 'error, please try again or contact the administrator' });
  }
}

/** `YYYY-MM-DD_HH-MM-SS` of the workout start in UTC (docs/uploads.md#files). */
export function formatStartForFileName(start: Date): string {
  return start.toISOString().slice(0, 19).replace('T', '_').replace(/:/g, '-');
}

/** 8 random bytes, URL-safe base64 (Python's `secrets.token_urlsafe(8)`). */
export function randomFileToken(): string {
  return randomBytes(8).toString('base64url');
}

export interface WorkoutFileNames {
  /** `workouts/<user id>/<start>_<sport id>_<token>.gpx`, relative to the upload folder. */
  gpx: string;
  /** Same prefix with another token and `.png`. */
  map: string;
}

export function buildWorkoutFileNames(
  userId: number,
  sportId: number,
  start: Date,
): WorkoutFileNames {
  const prefix = `workouts/${userId}/${formatStartForFileName(start)}_${sportId}`;
  return { gpx: `${prefix}_${randomFileToken()}.gpx`, map: `${prefix}_${randomFileToken()}.png` };
}

/**
 * Absolute path of `relativePath` inside `root`; anything absolute, with `..`, a backslash or
 * a NUL byte, or resolving outside `root`, is refused.
 */
export function resolveInside(root: string, relativePath: string): string {
  if (
    relativePath === '' ||
    isAbsolute(relativePath) ||
    /[\\\0]/.test(relativePath) ||
    relativePath.split('/').includes('..')
  ) {
    throw new UnsafeUploadPathError();
  }
  const base = resolve(root);
  const target = resolve(base, relativePath);
  if (!target.startsWith(base + sep)) throw new UnsafeUploadPathError();
  return target;
}
