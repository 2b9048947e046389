import { AppError } from 'src/common/errors/app-error';

/** A stored path that would leave its folder or prefix: a programming error, never user data. */
export class UnsafeStoragePathError extends AppError {
  constructor() {
    super(500, 'error', { message: 'error, please try again or contact the administrator' });
  }
}
