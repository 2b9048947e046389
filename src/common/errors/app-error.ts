/**
 * Errors that services throw; AllExceptionsFilter renders them in the FitTrackee envelope
 * (docs/compatibility.md#envelope, docs/compatibility.md#errors). `status` is FitTrackee's envelope
 * status, `httpStatus` the HTTP code.
 */
export type EnvelopeStatus = 'error' | 'fail' | 'not found' | 'success';

export class AppError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly status: EnvelopeStatus,
    readonly body: Readonly<Record<string, unknown>>,
    /** Response headers that belong to the error, e.g. `Retry-After` of a 429. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(typeof body['message'] === 'string' ? body['message'] : status);
    this.name = new.target.name;
  }

  static message(httpStatus: number, status: EnvelopeStatus, message: string | string[]): AppError {
    return new AppError(httpStatus, status, { message });
  }
}
