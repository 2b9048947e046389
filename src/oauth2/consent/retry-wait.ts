/** "N minute(s)" to wait before trying again, from a 429's Retry-After seconds (60 when unknown). */
export function minutesText(seconds: number | undefined): string {
  const minutes = Math.ceil((seconds ?? 60) / 60);
  return `${String(minutes)} minute${minutes > 1 ? 's' : ''}`;
}

/** The sign-in forms' answer once the login limit is reached (consent and device pages). */
export function tooManySignIns(retryAfterSeconds: number | undefined): string {
  return `Too many failed sign-in attempts. Please try again in ${minutesText(retryAfterSeconds)}.`;
}
