import type { Response } from 'supertest';

/** `FUZZ_STATS=1`: how often each operation answered each status and message (case depth). */
export class FuzzReport {
  private readonly counts = new Map<string, Map<string, number>>();

  count(label: string, res: Response): void {
    const body = (typeof res.body === 'object' && res.body !== null ? res.body : {}) as Record<
      string,
      unknown
    >;
    const detail = body['message'] ?? body['error'];
    const key = `${res.status} ${typeof detail === 'string' ? detail.slice(0, 40) : ''}`;
    const counts = this.counts.get(label) ?? new Map<string, number>();
    this.counts.set(label, counts.set(key, (counts.get(key) ?? 0) + 1));
  }

  toString(): string {
    return [...this.counts]
      .map(([label, counts]) => `${label}: ${JSON.stringify([...counts])}`)
      .join('\n');
  }
}
