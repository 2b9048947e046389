import { selectKth } from 'src/workouts/gpx/select-kth';

function sortedAt(values: number[], k: number): number {
  return Float64Array.from(values).sort()[k] ?? NaN;
}

function randomValues(n: number, distinct: number): number[] {
  return Array.from({ length: n }, () => Math.floor(Math.random() * distinct) / 7);
}

describe('selectKth', () => {
  it.each([
    ['random', randomValues(5000, 1e9)],
    ['many duplicates', randomValues(5000, 3)],
    ['all equal', Array.from({ length: 1000 }, () => 2.5)],
    ['ascending', Array.from({ length: 3000 }, (_, i) => i)],
    ['descending', Array.from({ length: 3000 }, (_, i) => -i)],
    ['negative zero and zero', [0, -0, 1, -1, 0, -0]],
    ['one value', [42]],
  ])('gives the value a sort gives at every tested rank (%s)', (_label, values) => {
    const n = values.length;
    for (const k of [0, Math.floor(n / 3), Math.trunc(n * 0.95), n - 1]) {
      expect(selectKth(Float64Array.from(values), n, k)).toBe(sortedAt(values, k));
    }
  });

  it('only looks at the first n values', () => {
    expect(selectKth(Float64Array.from([5, 1, 3, -100, -200]), 3, 0)).toBe(1);
  });
});
