import type { Readable } from 'node:stream';

import { GpxError } from 'src/workouts/gpx/gpx-errors';
import { parseGpx } from 'src/workouts/gpx/gpx-parser';
import { pyFloatText } from 'src/workouts/gpx/python-format';
import { selectSegments } from 'src/workouts/gpx/segment-selection';

const HEADER =
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<gpx xmlns="http://www.topografix.com/GPX/1/1" ' +
  'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
  'xsi:schemaLocation="http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/1/1/gpx.xsd" ' +
  'version="1.1" creator="gpx.py -- https://github.com/tkrajina/gpxpy">\n  <trk>\n    <trkseg>';
const FOOTER = '\n    </trkseg>\n  </trk>\n</gpx>';

/**
 * FitTrackee `extract_segment_from_gpx_file` (FitTrackee `GET /api/workouts/<workout_id>/gpx`): a
 * new GPX 1.1 document as gpxpy 1.6 writes it, with one track and the 1-based `segmentId` segment of the stored file's
 * first track; points keep latitude, longitude and elevation only. Null when the file has no track.
 */
export async function segmentGpx(
  input: Buffer | Readable,
  segmentId: number,
): Promise<string | null> {
  const gpx = await parseGpx(input).catch((error: unknown) => {
    if (error instanceof GpxError && error.code === 'noTracks') return null;
    throw error;
  });
  if (gpx === null) return null;
  const [segment] = selectSegments(gpx, segmentId);
  const parts: string[] = [HEADER];
  for (let i = 0; i < (segment?.count ?? 0); i++) {
    const lat = pyFloatText(segment?.lat[i] ?? 0);
    const lon = pyFloatText(segment?.lon[i] ?? 0);
    const ele = segment?.ele[i] ?? NaN;
    parts.push(`\n      <trkpt lat="${lat}" lon="${lon}">`);
    if (ele === ele) parts.push(`\n        <ele>${pyFloatText(ele)}</ele>`);
    parts.push('\n      </trkpt>');
  }
  parts.push(FOOTER);
  return parts.join('');
}
