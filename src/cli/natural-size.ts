const SUFFIXES = ['kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'] as const;

/** humanize's `naturalsize` (decimal units), as FitTrackee prints the freed space. */
export function naturalSize(bytes: number): string {
  if (Math.abs(bytes) === 1) return `${bytes} Byte`;
  if (Math.abs(bytes) < 1000) return `${Math.trunc(bytes)} Bytes`;
  let unit = 1000 * 1000;
  for (const suffix of SUFFIXES) {
    if (Math.abs(bytes) < unit) return `${((1000 * bytes) / unit).toFixed(1)} ${suffix}`;
    unit *= 1000;
  }
  return `${((1000 * bytes) / (unit / 1000)).toFixed(1)} YB`;
}
