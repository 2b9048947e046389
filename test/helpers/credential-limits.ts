import type { Response } from 'supertest';

/** How many attempts an attacker makes in a row in the limit tests. */
export const ATTEMPTS = 400;

/**
 * Sends `count` requests, `concurrency` at a time (so that racing requests are part of the
 * test), and returns the answers in the order they were started.
 */
export async function hammer(
  count: number,
  send: (i: number) => Promise<Response>,
  concurrency = 20,
): Promise<Response[]> {
  const answers: Response[] = [];
  for (let start = 0; start < count; start += concurrency) {
    const batch = Array.from({ length: Math.min(concurrency, count - start) }, (_, k) =>
      send(start + k),
    );
    answers.push(...(await Promise.all(batch)));
  }
  return answers;
}

/** Status codes with their counts, e.g. `{401: 10, 429: 390}`. */
export function statusCounts(answers: readonly Response[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const { status } of answers) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

/** A distinct documentation address (RFC 5737) for each of the first 500 attempts. */
export function addressOf(i: number): string {
  const block = i < 250 ? '198.51.100' : '203.0.113';
  return `${block}.${String((i % 250) + 1)}`;
}
