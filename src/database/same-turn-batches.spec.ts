import { SameTurnBatches } from 'src/database/same-turn-batches';

/** A batcher whose `run` records each call and answers every item doubled. */
function doubling(limit?: number): {
  batches: SameTurnBatches<string, number, number>;
  calls: { group: string; items: readonly number[] }[];
} {
  const calls: { group: string; items: readonly number[] }[] = [];
  const batches = new SameTurnBatches<string, number, number>((group, items) => {
    calls.push({ group, items });
    return Promise.resolve(items.map((item) => item * 2));
  }, limit);
  return { batches, calls };
}

describe('SameTurnBatches', () => {
  it('answers the items of one turn and group in one call, each with its own result', async () => {
    const { batches, calls } = doubling();
    const results = await Promise.all([1, 2, 3].map((item) => batches.submit('a', item)));
    expect(results).toEqual([2, 4, 6]);
    expect(calls).toEqual([{ group: 'a', items: [1, 2, 3] }]);
  });

  it('keeps groups apart', async () => {
    const { batches, calls } = doubling();
    const results = await Promise.all([
      batches.submit('a', 1),
      batches.submit('b', 2),
      batches.submit('a', 3),
    ]);
    expect(results).toEqual([2, 4, 6]);
    expect(calls).toEqual([
      { group: 'a', items: [1, 3] },
      { group: 'b', items: [2] },
    ]);
  });

  it('answers items of later turns in later calls', async () => {
    const { batches, calls } = doubling();
    expect(await batches.submit('a', 1)).toBe(2);
    const second = batches.submit('a', 2);
    await new Promise((resolve) => setImmediate(resolve));
    const third = batches.submit('a', 3);
    expect(await Promise.all([second, third])).toEqual([4, 6]);
    expect(calls.map((call) => call.items)).toEqual([[1], [2], [3]]);
  });

  it('takes items submitted from callbacks of the same turn', async () => {
    const { batches, calls } = doubling();
    // Two I/O-like callbacks of one turn, each with its microtasks run before the next.
    const submitted: Promise<number>[] = [];
    await new Promise<void>((resolve) => {
      setTimeout(() => {
        void Promise.resolve().then(() => submitted.push(batches.submit('a', 1)));
      }, 0);
      setTimeout(() => {
        submitted.push(batches.submit('a', 2));
        resolve();
      }, 0);
    });
    expect(await Promise.all(submitted)).toEqual([2, 4]);
    expect(calls.map((call) => call.items)).toEqual([[1, 2]]);
  });

  it('splits a turn at the limit', async () => {
    const { batches, calls } = doubling(2);
    const results = await Promise.all([1, 2, 3, 4, 5].map((item) => batches.submit('a', item)));
    expect(results).toEqual([2, 4, 6, 8, 10]);
    expect(calls.map((call) => call.items)).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('fails every item of a failed call with its error, and no other', async () => {
    const failure = new Error('connection lost');
    const batches = new SameTurnBatches<string, number, number>((group, items) =>
      group === 'broken' ? Promise.reject(failure) : Promise.resolve(items),
    );
    const outcomes = await Promise.allSettled([
      batches.submit('broken', 1),
      batches.submit('fine', 2),
      batches.submit('broken', 3),
    ]);
    expect(outcomes).toEqual([
      { status: 'rejected', reason: failure },
      { status: 'fulfilled', value: 2 },
      { status: 'rejected', reason: failure },
    ]);
  });

  it('fails a call that answers a different number of items than it was given', async () => {
    const batches = new SameTurnBatches<string, number, number>((_, items) =>
      Promise.resolve(items.slice(1)),
    );
    const outcomes = await Promise.allSettled([batches.submit('a', 1), batches.submit('a', 2)]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
  });

  it('fails the items of a call that throws before it answers', async () => {
    const batches = new SameTurnBatches<string, number, number>(() => {
      throw new Error('bad statement');
    });
    await expect(batches.submit('a', 1)).rejects.toThrow('bad statement');
  });
});
