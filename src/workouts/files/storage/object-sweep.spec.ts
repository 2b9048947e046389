import { sweepObjects } from 'src/workouts/files/storage/object-sweep';

const NOW = Date.UTC(2026, 0, 1, 12);
const object = (path: string, ageMs: number) => ({
  path,
  size: 1,
  lastModified: new Date(NOW - ageMs),
});

describe('sweepObjects (docs/storage.md#all-or-nothing)', () => {
  it('deletes old objects without a row, keeps young ones and referenced ones', async () => {
    const removed: string[] = [];
    const result = await sweepObjects({
      objects: [
        object('workouts/1/orphan.gpx', 60_000),
        object('workouts/1/young.gpx', 1_000),
        object('workouts/1/kept.gpx', 60_000),
      ],
      graceMs: 10_000,
      now: NOW,
      isCommitted: (path) => Promise.resolve(path.endsWith('kept.gpx')),
      remove: (path) => {
        removed.push(path);
        return Promise.resolve();
      },
    });
    expect(removed).toEqual(['workouts/1/orphan.gpx']);
    expect(result).toEqual({ removed: 1, committed: 0, kept: 1 });
  });

  it('keeps an object whose row cannot be checked, or that cannot be deleted, for the next sweep', async () => {
    const result = await sweepObjects({
      objects: [object('workouts/1/a.gpx', 60_000), object('workouts/1/b.gpx', 60_000)],
      graceMs: 10_000,
      now: NOW,
      isCommitted: (path) =>
        path.endsWith('a.gpx') ? Promise.reject(new Error('db down')) : Promise.resolve(false),
      remove: () => Promise.reject(new Error('store down')),
    });
    expect(result).toEqual({ removed: 0, committed: 0, kept: 2 });
  });
});
