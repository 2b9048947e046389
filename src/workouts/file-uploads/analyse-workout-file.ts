import { assertStorableFigures } from 'src/workouts/file-uploads/storable-figures';
import { convertToGpx } from 'src/workouts/files/formats/convert-to-gpx';
import type { WeatherPoint } from 'src/workouts/files/weather/weather-data';
import { getFileExtension, getWorkoutFileExtension } from 'src/workouts/files/workout-file-type';
import { assertProcessable } from 'src/workouts/gpx/analyze-gpx';
import { analyzeParsedGpx } from 'src/workouts/gpx/gpx-analysis';
import { GpxError } from 'src/workouts/gpx/gpx-errors';
import { parseGpx } from 'src/workouts/gpx/gpx-parser';
import type { GpxAnalysis, GpxAnalysisOptions, ParsedGpx } from 'src/workouts/gpx/gpx-types';

/** One uploaded workout file, converted to GPX, parsed and analysed, before anything is stored. */
export interface AnalysedFile {
  /** The GPX text stored as the workout's file (the upload itself for `.gpx`), in pieces. */
  gpx: readonly Buffer[];
  parsed: ParsedGpx;
  analysis: GpxAnalysis & { start: Date };
}

/**
 * FitTrackee's `process_one_gpx_file` up to the figures (docs/uploads.md#validation rule 9,
 * docs/uploads.md#computed), for any accepted format; refusals are `GpxError` / `WorkoutFileError`
 * (400). The parsed tracks are kept for the map, the weather points and nothing else. `hooks.onGpx` receives the GPX
 * text as soon as it exists, before it is parsed (the upload writes it to disk meanwhile).
 * `data` is the file's bytes in pieces (as received).
 */
export async function analyseWorkoutFile(
  fileName: string,
  data: readonly Buffer[],
  options: GpxAnalysisOptions & { maxSingleFileSize: number },
  hooks: {
    onGpx?: (gpx: readonly Buffer[]) => void;
    /** The GPX file already parsed as it was received (`ReceivedGpx.parsed`). */
    parsed?: () => ParsedGpx;
  } = {},
): Promise<AnalysedFile> {
  // A zip inside the uploaded zip: FitTrackee hands it to the GPX reader, which refuses it.
  if (getFileExtension(fileName) === 'zip') throw new GpxError('invalid');
  // A GPX file is parsed and stored in the pieces it arrived in, never copied into one buffer.
  const gpx =
    getWorkoutFileExtension(fileName) === 'gpx'
      ? data
      : [
          await convertToGpx(fileName, Buffer.concat(data), {
            maxSingleFileSize: options.maxSingleFileSize,
          }),
        ];
  hooks.onGpx?.(gpx);
  const parsed = hooks.parsed?.() ?? (await parseGpx(gpx));
  assertProcessable(parsed);
  const analysis = analyzeParsedGpx(parsed, options);
  const { start } = analysis;
  if (start === null) throw new GpxError('processing');
  assertStorableFigures(analysis);
  return { gpx, parsed, analysis: { ...analysis, start } };
}

/** `[lon, lat]` of every point of the first track: the map's polyline (docs/uploads.md#files). */
export function firstTrackCoordinates(parsed: ParsedGpx): [number, number][] {
  const coordinates: [number, number][] = [];
  for (const segment of parsed.tracks[0]?.segments ?? []) {
    for (let i = 0; i < segment.count; i++) {
      coordinates.push([segment.lon[i] ?? 0, segment.lat[i] ?? 0]);
    }
  }
  return coordinates;
}

/**
 * FitTrackee `GET /api/workouts/<workout_id>`: first point of the first track and last point of its
 * last segment.
 */
export function weatherPoints(
  parsed: ParsedGpx,
): { start: WeatherPoint; end: WeatherPoint } | null {
  const segments = parsed.tracks[0]?.segments ?? [];
  const first = segments[0];
  const last = segments[segments.length - 1];
  if (first === undefined || last === undefined || first.count === 0 || last.count === 0)
    return null;
  const point = (s: typeof first, i: number): WeatherPoint => ({
    latitude: s.lat[i] ?? 0,
    longitude: s.lon[i] ?? 0,
    time: new Date(Math.floor((s.time[i] ?? 0) / 1000)),
  });
  return { start: point(first, 0), end: point(last, last.count - 1) };
}
