export interface ClipBox {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/**
 * Liang–Barsky: the parameters `[t0, t1]` (0 ≤ t0 ≤ t1 ≤ 1) of the part of the segment from
 * (x0, y0) to (x1, y1) inside `box`, or null when none is (or a coordinate is not finite). A
 * line is drawn in pieces of a few pixels, so only its visible part may decide their number.
 */
export function clipSegment(
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  box: ClipBox,
): [number, number] | null {
  if (!Number.isFinite(x0 + y0 + x1 + y1 + box.minX + box.minY + box.maxX + box.maxY)) return null;
  const dx = x1 - x0;
  const dy = y1 - y0;
  let t0 = 0;
  let t1 = 1;
  // Each edge as p · t ≤ q: left, right, top, bottom (no arrays: called for every segment of a line).
  for (let edge = 0; edge < 4; edge++) {
    const p = edge === 0 ? -dx : edge === 1 ? dx : edge === 2 ? -dy : dy;
    const q =
      edge === 0
        ? x0 - box.minX
        : edge === 1
          ? box.maxX - x0
          : edge === 2
            ? y0 - box.minY
            : box.maxY - y0;
    if (p === 0) {
      if (q < 0) return null;
      continue;
    }
    const t = q / p;
    if (p < 0) {
      if (t > t1) return null;
      if (t > t0) t0 = t;
    } else {
      if (t < t0) return null;
      if (t < t1) t1 = t;
    }
  }
  return [t0, t1];
}
