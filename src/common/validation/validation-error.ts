import type { ValidationError } from 'class-validator';
import { InvalidInputError, InvalidPayloadError } from 'src/common/errors/http-errors';
import { FITS_COLUMN, IN_INT4_RANGE } from 'src/common/validation/string-bounds.decorators';

const NAMED_CONSTRAINTS = new Set([FITS_COLUMN, IN_INT4_RANGE]);

/**
 * FitTrackee answers `invalid payload` for a malformed body; a value that only breaks a column
 * limit gets a message naming the field instead, so the client knows what to shorten.
 */
export function toValidationError(errors: readonly ValidationError[]): InvalidPayloadError {
  for (const error of errors)
    for (const [name, message] of Object.entries(error.constraints ?? {}))
      if (NAMED_CONSTRAINTS.has(name)) return new InvalidInputError(message);
  return new InvalidPayloadError();
}
