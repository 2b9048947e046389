const UNITS = [' bytes', 'KB', 'MB', 'GB', 'TB'] as const;

/**
 * FitTrackee's `get_readable_file_size` (docs/compatibility.md#errors, 413 message format):
 * 0 → "0 bytes", 1 → "1 byte", else one decimal with the largest unit keeping the value < 1024.
 */
export function formatFileSize(bytes: number): string {
  if (bytes === 0) return '0 bytes';
  if (bytes === 1) return '1 byte';
  let value = bytes;
  for (const unit of UNITS) {
    if (value < 1024 || unit === 'TB') return `${toFixedHalfEven(value)}${unit}`;
    value /= 1024;
  }
  return `${toFixedHalfEven(value)}TB`;
}

/** Python's `f"{x:.1f}"` rounds exact ties to even; `toFixed` rounds them up. */
function toFixedHalfEven(value: number): string {
  const scaled = value * 10;
  const isTie = Number.isInteger(scaled * 2) && !Number.isInteger(scaled);
  if (!isTie) return value.toFixed(1);
  const floor = Math.floor(scaled);
  return ((floor % 2 === 0 ? floor : floor + 1) / 10).toFixed(1);
}
