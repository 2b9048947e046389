/** One track point as written in the file: every value is text, so anything can be written. */
export interface RawPoint {
  lat: string;
  lon: string;
  ele?: string;
  time?: string;
}

const START = Date.parse('2024-05-01T06:00:00Z');

/** `<gpx>` with one track of the given segments, values written exactly as given. */
export function gpxOf(segments: RawPoint[][], name = 'unusual'): Buffer {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gpx xmlns="http://www.topografix.com/GPX/1/1" version="1.1" creator="pacekeeper-tests">',
    `<trk><name>${name}</name>`,
  ];
  for (const points of segments) {
    lines.push('<trkseg>');
    for (const p of points) {
      const ele = p.ele === undefined ? '' : `<ele>${p.ele}</ele>`;
      const time = p.time === undefined ? '' : `<time>${p.time}</time>`;
      lines.push(`<trkpt lat="${p.lat}" lon="${p.lon}">${ele}${time}</trkpt>`);
    }
    lines.push('</trkseg>');
  }
  lines.push('</trk>', '</gpx>', '');
  return Buffer.from(lines.join('\n'));
}

/** ISO time `seconds` after the common start (whole seconds without fraction). */
export function isoAt(seconds: number): string {
  return new Date(START + seconds * 1000).toISOString().replace('.000Z', 'Z');
}

/** A short plausible walk near 45°N 6°E, one point every 10 s: the base the cases modify. */
export function walk(count = 20): RawPoint[] {
  return Array.from({ length: count }, (_, i) => ({
    lat: (45 + i * 0.0001).toFixed(6),
    lon: (6 + i * 0.0001).toFixed(6),
    ele: (500 + i).toFixed(1),
    time: isoAt(i * 10),
  }));
}

/** `walk()` with point `index` (0-based) changed. */
export function walkWith(index: number, change: Partial<RawPoint>, count = 20): RawPoint[] {
  return walk(count).map((p, i) => (i === index ? { ...p, ...change } : p));
}

/**
 * A tour of `km` kilometres eastwards along the 45th parallel, over `hours`, one point every
 * `stepKm` (about); elevations swing by `swing` metres so ascent and descent grow with it.
 */
export function longTour(km: number, hours: number, stepKm = 1, swing = 300): RawPoint[] {
  const count = Math.round(km / stepKm) + 1;
  const degreesPerKm = 1 / (111.32 * Math.cos((45 * Math.PI) / 180));
  return Array.from({ length: count }, (_, i) => ({
    lat: '45.000000',
    lon: (-120 + i * stepKm * degreesPerKm).toFixed(6),
    ele: (1000 + swing * Math.sin(i / 5)).toFixed(1),
    time: isoAt(Math.round((i * hours * 3600) / (count - 1))),
  }));
}

/** Points jumping between Europe (45°N 6°E) and Australia (33°S 151°E), `stepMs` apart. */
export function teleports(count: number, stepMs: number): RawPoint[] {
  return Array.from({ length: count }, (_, i) => ({
    lat: i % 2 === 0 ? '45.000000' : '-33.860000',
    lon: i % 2 === 0 ? '6.000000' : '151.210000',
    ele: '100',
    time: new Date(START + i * stepMs).toISOString(),
  }));
}
