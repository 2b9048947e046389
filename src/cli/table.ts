/**
 * Rows as aligned columns under a header, as `docker ps` prints them: readable in a terminal
 * and easy to cut with `awk`. An empty list prints `empty` instead of a lonely header.
 */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  empty: string,
): string {
  if (rows.length === 0) return empty;
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

/** `2026-12-03 14:30` (UTC): the dates the database stores, to the minute. */
export function formatDate(date: Date): string {
  return date.toISOString().slice(0, 16).replace('T', ' ');
}

export const yesNo = (value: boolean): string => (value ? 'yes' : 'no');
