/**
 * The k-th smallest value (0-based) of `values[0, n)`, as `values.subarray(0, n).sort()[k]`
 * would give it for NaN-free data, in linear expected time: the max-speed rule
 * (docs/uploads.md#computed) needs one percentile of up to a million speeds, not a sorted copy.
 * Reorders `values`. Random pivots keep crafted inputs from forcing the quadratic case; a
 * range that still shrinks too slowly is sorted instead.
 */
export function selectKth(values: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  let budget = 4 * Math.ceil(Math.log2(n + 1)) + 8;
  while (hi > lo) {
    if (--budget < 0) {
      values.subarray(lo, hi + 1).sort();
      return values[k] ?? NaN;
    }
    const pivot = values[lo + Math.floor(Math.random() * (hi - lo + 1))] ?? NaN;
    // Three-way partition: [lo, lt) < pivot, [lt, gt] = pivot, (gt, hi] > pivot.
    let lt = lo;
    let gt = hi;
    let i = lo;
    while (i <= gt) {
      const v = values[i] ?? NaN;
      if (v < pivot) {
        values[i++] = values[lt] ?? NaN;
        values[lt++] = v;
      } else if (v > pivot) {
        values[i] = values[gt] ?? NaN;
        values[gt--] = v;
      } else {
        i++;
      }
    }
    if (k < lt) hi = lt - 1;
    else if (k > gt) lo = gt + 1;
    else return pivot === 0 ? signedZeroAt(values, lt, gt, k) : pivot;
  }
  return values[k] ?? NaN;
}

/** A sort puts −0 before +0; the partition above treats them as equal. */
function signedZeroAt(values: Float64Array, from: number, to: number, k: number): number {
  let negatives = 0;
  for (let i = from; i <= to; i++) if (Object.is(values[i], -0)) negatives++;
  return k - from < negatives ? -0 : 0;
}
