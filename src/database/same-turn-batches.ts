interface Waiting<I, R> {
  readonly item: I;
  readonly resolve: (result: R) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Answers items submitted in the same turn of the event loop together, one call of `run` per
 * group and at most `limit` items, so that the requests one poll of the sockets brings share a
 * round trip to the database. The items of a turn are handed over after its I/O callbacks
 * (setImmediate): a request alone waits for nothing but the end of its own turn.
 *
 * `run` answers its items in order, one result each; when it fails, every item of the call
 * fails with the same error, as each would have alone.
 */
export class SameTurnBatches<G, I, R> {
  private pending = new Map<G, Waiting<I, R>[]>();
  private isScheduled = false;

  constructor(
    private readonly run: (group: G, items: readonly I[]) => Promise<readonly R[]>,
    private readonly limit = 64,
  ) {}

  submit(group: G, item: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const waiting = this.pending.get(group);
      if (waiting === undefined) this.pending.set(group, [{ item, resolve, reject }]);
      else waiting.push({ item, resolve, reject });
      if (!this.isScheduled) {
        this.isScheduled = true;
        setImmediate(() => {
          this.flush();
        });
      }
    });
  }

  private flush(): void {
    const pending = this.pending;
    this.pending = new Map();
    this.isScheduled = false;
    for (const [group, waiting] of pending) {
      for (let start = 0; start < waiting.length; start += this.limit)
        void this.answer(group, waiting.slice(start, start + this.limit));
    }
  }

  private async answer(group: G, waiting: readonly Waiting<I, R>[]): Promise<void> {
    let results: readonly R[];
    try {
      results = await this.run(
        group,
        waiting.map((entry) => entry.item),
      );
      if (results.length !== waiting.length)
        throw new Error(`a batch of ${waiting.length} got ${results.length} results`);
    } catch (error) {
      for (const entry of waiting) entry.reject(error);
      return;
    }
    waiting.forEach((entry, index) => {
      entry.resolve(results[index] as R);
    });
  }
}
