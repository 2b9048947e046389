import { createHmac, timingSafeEqual } from 'node:crypto';

/** Header names of a delivery (docs/webhooks.md#signatures). */
export const WEBHOOK_HEADERS = {
  DELIVERY: 'x-pacekeeper-delivery',
  EVENT: 'x-pacekeeper-event',
  TIMESTAMP: 'x-pacekeeper-timestamp',
  SIGNATURE: 'x-pacekeeper-signature',
} as const;

/**
 * The subscription's signing secret, derived from the server key and the stored random seed:
 * the database alone does not reveal it, and it is shown once, at creation.
 */
export function subscriptionSecret(serverKey: string, seed: string): string {
  const digest = createHmac('sha256', serverKey).update(`webhook-secret:${seed}`).digest();
  return `whsec_${digest.toString('base64url')}`;
}

/** `sha256=` + hex HMAC-SHA256 of `<timestamp>.<body>` keyed with the secret. */
export function signPayload(secret: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `sha256=${mac}`;
}

/**
 * What a receiver does (docs/webhooks.md#verifying): a signature that matches in constant time
 * and a timestamp within the replay window.
 */
export function isValidSignature(
  secret: string,
  timestamp: number,
  body: string,
  signature: string,
  toleranceSeconds = 300,
  nowSeconds = Math.floor(Date.now() / 1000),
): boolean {
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > toleranceSeconds)
    return false;
  const expected = Buffer.from(signPayload(secret, timestamp, body));
  const presented = Buffer.from(signature);
  return expected.length === presented.length && timingSafeEqual(expected, presented);
}
