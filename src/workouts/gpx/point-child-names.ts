import type { PointChildNames } from 'src/workouts/gpx/ignored-element';

/** What is asked about a name met inside a track point. */
export const NameQuestion = { IgnoredChild: 0, AcceptedDescendant: 1, CheckedField: 2 } as const;
export type NameQuestion = (typeof NameQuestion)[keyof typeof NameQuestion];

type Verdict = (name: string, question: NameQuestion) => number;

interface Entry {
  readonly bytes: Buffer;
  readonly question: NameQuestion;
  readonly answer: number;
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
    return this.lookup(buf, start, end, NameQuestion.IgnoredChild) !== 0;
  }

  isAcceptedDescendant(buf: Buffer, start: number, end: number): boolean {
    return this.lookup(buf, start, end, NameQuestion.AcceptedDescendant) !== 0;
  }

  checkedField(buf: Buffer, start: number, end: number): number {
    return this.lookup(buf, start, end, NameQuestion.CheckedField);
  }

  private lookup(buf: Buffer, start: number, end: number, question: NameQuestion): number {
    const length = end - start;
    for (const entry of this.entries) {
      if (entry.question !== question || entry.bytes.length !== length) continue;
      if (buf.compare(entry.bytes, 0, length, start, end) === 0) return entry.answer;
    }
    const answer = this.verdict(buf.toString('latin1', start, end), question);
    // Bounded: a file with endless distinct names simply stops being remembered.
    if (this.entries.length < 64) {
      this.entries.push({ bytes: Buffer.from(buf.subarray(start, end)), question, answer });
    }
    return answer;
  }
}
