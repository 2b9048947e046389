/** Error descriptions shared by several `/api/auth` operations. */

/** EmailSendingEnabledGuard: the route does not exist when the instance sends no email. */
export const EMAIL_SENDING_DISABLED =
  'Email sending is disabled on this instance: `the requested URL was not found on the server`.';

export const INVALID_PAYLOAD = '`invalid payload`: no JSON object, or a key missing or mistyped.';
