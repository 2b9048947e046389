import { selectSegments } from 'src/workouts/file-uploads/chart-data';
import { pyFloatText } from 'src/workouts/file-uploads/python-format';
import type { ParsedGpx } from 'src/workouts/gpx/gpx-types';

const HEADER = [
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<gpx xmlns="http://www.topografix.com/GPX/1/1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/1/1/gpx.xsd" version="1.1" creator="gpx.py -- https://github.com/tkrajina/gpxpy">',
  '  <trk>',
  '    <trkseg>',
];
const FOOTER = ['    </trkseg>', '  </trk>', '</gpx>'];

/**
 * FitTrackee `extract_segment_from_gpx_file` (spec workouts.md §3.3): a new GPX document, as
 * gpxpy 1.6 `to_xml()` writes it, with one track and one segment whose points keep only
 * latitude, longitude and elevation. `segmentId` is 1-based.
 */
export function buildSegmentGpx(parsed: ParsedGpx, segmentId: number): string {
  const [segment] = selectSegments(parsed, segmentId);
  const lines = [...HEADER];
  for (let i = 0; i < (segment?.count ?? 0); i++) {
    const lat = pyFloatText(segment?.lat[i] ?? 0);
    const lon = pyFloatText(segment?.lon[i] ?? 0);
    lines.push(`      <trkpt lat="${lat}" lon="${lon}">`);
    const ele = segment?.ele[i] ?? NaN;
    if (ele === ele) lines.push(`        <ele>${pyFloatText(ele)}</ele>`);
    lines.push('      </trkpt>');
  }
  lines.push(...FOOTER);
  return lines.join('\n');
}
