import type { Track, TrackPoint } from 'src/workouts/files/formats/track';

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

export function escapeXml(text: string): string {
  // Characters XML 1.0 forbids are dropped so that the output always parses.
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);
}

function writePoint(point: TrackPoint): string {
  const children =
    (point.elevation === null ? '' : `<ele>${point.elevation}</ele>`) +
    (point.time === null ? '' : `<time>${escapeXml(point.time)}</time>`);
  return `<trkpt lat="${point.latitude}" lon="${point.longitude}">${children}</trkpt>`;
}

/**
 * GPX 1.1 text for converted files, so that the GPX analysis, `GET /gpx` and the download
 * handle every format alike (issue 6 "Beyond GPX"). Empty segments are kept: they are
 * meaningful to FitTrackee's segment numbering.
 */
export function writeGpx(tracks: readonly Track[], sourceFormat: string): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<gpx xmlns="http://www.topografix.com/GPX/1/1" version="1.1" creator="Pacekeeper (from ${escapeXml(sourceFormat)})">`,
  ];
  for (const track of tracks) {
    lines.push('  <trk>');
    if (track.name !== null && track.name !== '') {
      lines.push(`    <name>${escapeXml(track.name)}</name>`);
    }
    for (const segment of track.segments) {
      lines.push('    <trkseg>');
      for (const point of segment) lines.push(`      ${writePoint(point)}`);
      lines.push('    </trkseg>');
    }
    lines.push('  </trk>');
  }
  lines.push('</gpx>', '');
  return lines.join('\n');
}
