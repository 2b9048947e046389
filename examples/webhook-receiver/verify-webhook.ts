import { createHmac, timingSafeEqual } from 'node:crypto';

/** Seconds a delivery's timestamp may differ from the receiver's clock (the replay window). */
export const REPLAY_WINDOW_SECONDS = 300;

export interface WebhookHeaders {
  timestamp: string | undefined;
  signature: string | undefined;
}

/**
 * True when the raw body was signed by Pacekeeper with `secret` less than five minutes ago:
 * `X-Pacekeeper-Signature` is `sha256=` + hex HMAC-SHA256 of `<X-Pacekeeper-Timestamp>.<body>`.
 * Verify the raw bytes received, before any JSON parsing.
 */
export function verifyWebhook(
  secret: string,
  rawBody: string,
  headers: WebhookHeaders,
  nowSeconds = Math.floor(Date.now() / 1000),
): boolean {
  const { timestamp, signature } = headers;
  if (timestamp === undefined || signature === undefined || !/^\d+$/.test(timestamp)) return false;
  if (Math.abs(nowSeconds - Number(timestamp)) > REPLAY_WINDOW_SECONDS) return false;
  const expected = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`;
  const a = Buffer.from(expected);
  const b = Buffer.from(signature);
  return a.length === b.length && timingSafeEqual(a, b);
}
