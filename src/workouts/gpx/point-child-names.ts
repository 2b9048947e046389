import type { PointChildNames } from 'src/workouts/gpx/ignored-element';

type Verdict = (name: string, isDirectChild: boolean) => boolean;

interface Entry {
  readonly bytes: Buffer;
  readonly isDirectChild: boolean;
  readonly isAccepted: boolean;
}

/**
 * The builder's answers about names met inside track points, remembered by their bytes: a
 * recording repeats the same few extension names on every point, so each is decoded and
 * judged once. `reset()` when the answers may change (another namespace scope).
 */
export class PointChildNameCache implements PointChildNames {
  private entries: Entry[] = [];

  constructor(private readonly verdict: Verdict) {}

  reset(): void {
    this.entries = [];
  }

  isIgnoredChild(buf: Buffer, start: number, end: number): boolean {
    return this.lookup(buf, start, end, true);
  }

  isAcceptedDescendant(buf: Buffer, start: number, end: number): boolean {
    return this.lookup(buf, start, end, false);
  }

  private lookup(buf: Buffer, start: number, end: number, isDirectChild: boolean): boolean {
    const length = end - start;
    for (const entry of this.entries) {
      if (entry.isDirectChild !== isDirectChild || entry.bytes.length !== length) continue;
      if (buf.compare(entry.bytes, 0, length, start, end) === 0) return entry.isAccepted;
    }
    const isAccepted = this.verdict(buf.toString('latin1', start, end), isDirectChild);
    // Bounded: a file with endless distinct names simply stops being remembered.
    if (this.entries.length < 64) {
      this.entries.push({
        bytes: Buffer.from(buf.subarray(start, end)),
        isDirectChild,
        isAccepted,
      });
    }
    return isAccepted;
  }
}
