export interface SyntheticGpxOptions {
  points: number;
  /** First point time; one point per second after it. */
  start?: Date;
  name?: string;
  /** Shifts the circle so that concurrent uploads get different tracks. */
  seed?: number;
}

/**
 * A synthetic one-segment track (about 110 bytes per point): points on a circle near 45°N 6°E
 * every second, 6-decimal coordinates, a slowly varying elevation.
 */
export function syntheticGpx(options: SyntheticGpxOptions): Buffer {
  const start = (options.start ?? new Date('2024-05-01T06:00:00Z')).getTime();
  const seed = options.seed ?? 0;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gpx xmlns="http://www.topografix.com/GPX/1/1" version="1.1" creator="pacekeeper-tests">',
    '<trk>',
    options.name === undefined ? '' : `<name>${options.name}</name>`,
    '<trkseg>',
  ];
  const radius = 0.02 + seed * 0.001;
  for (let i = 0; i < options.points; i++) {
    const angle = (i / options.points) * 2 * Math.PI;
    const lat = (45 + radius * Math.sin(angle)).toFixed(6);
    const lon = (6 + seed * 0.01 + radius * Math.cos(angle)).toFixed(6);
    const ele = (500 + 50 * Math.sin(angle * 7)).toFixed(1);
    const time = new Date(start + i * 1000).toISOString().replace('.000Z', 'Z');
    lines.push(`<trkpt lat="${lat}" lon="${lon}"><ele>${ele}</ele><time>${time}</time></trkpt>`);
  }
  lines.push('</trkseg>', '</trk>', '</gpx>', '');
  return Buffer.from(lines.join('\n'));
}
