/** Error descriptions shared by several `/api/auth` operations. */

/** express.json's limit, rendered by AllExceptionsFilter in FitTrackee's words. */
export const BODY_TOO_LARGE =
  'The body is over the 1 MB limit of JSON bodies: `Error during request, body size (<size>) ' +
  'exceeds 1.0MB.` (status `fail`).';

/** EmailSendingEnabledGuard: the route does not exist when the instance sends no email. */
export const EMAIL_SENDING_DISABLED =
  'Email sending is disabled on this instance: `the requested URL was not found on the server`.';

export const INVALID_PAYLOAD = '`invalid payload`: no JSON object, or a key missing or mistyped.';
