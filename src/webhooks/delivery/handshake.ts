import { randomBytes } from 'node:crypto';

import { InvalidPayloadError } from 'src/common/errors/http-errors';
import { sendOutbound } from 'src/webhooks/delivery/outbound-request';

const MAX_ANSWER_BYTES = 4096;

/**
 * The callback proves it wants the events, as Strava's subscription validation does:
 * `GET <callback>?hub.mode=subscribe&hub.challenge=<random>` must answer 2xx with the JSON
 * `{"hub.challenge": "<random>"}` (docs/webhooks.md#handshake). Any failure is a 400.
 */
export async function verifyCallback(
  callback: URL,
  timeoutMs: number,
  isPrivateAllowed: boolean,
): Promise<void> {
  const challenge = randomBytes(16).toString('hex');
  const url = new URL(callback);
  url.searchParams.set('hub.mode', 'subscribe');
  url.searchParams.set('hub.challenge', challenge);
  let answer: { status: number; body: string };
  try {
    answer = await sendOutbound({
      method: 'GET',
      url,
      headers: { accept: 'application/json', 'user-agent': 'Pacekeeper-Webhooks' },
      timeoutMs,
      isPrivateAllowed,
      maxBodyBytes: MAX_ANSWER_BYTES,
    });
  } catch (error) {
    throw failed((error as Error).message);
  }
  if (answer.status < 200 || answer.status > 299) throw failed(`answered ${answer.status}`);
  if (echoedChallenge(answer.body) !== challenge)
    throw failed('the answer did not echo hub.challenge as {"hub.challenge": "<value>"}');
}

const failed = (reason: string): InvalidPayloadError =>
  new InvalidPayloadError(`callback verification failed: ${reason}`);

function echoedChallenge(body: string): unknown {
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === 'object' && parsed !== null
      ? (parsed as Record<string, unknown>)['hub.challenge']
      : undefined;
  } catch {
    return undefined;
  }
}
