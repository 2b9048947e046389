import { type FitSegmentsCreation, fitToGpx } from 'src/workouts/files/formats/fit-to-gpx';
import { kmlToGpx } from 'src/workouts/files/formats/kml-to-gpx';
import { kmzToGpx } from 'src/workouts/files/formats/kmz-to-gpx';
import { tcxToGpx } from 'src/workouts/files/formats/tcx-to-gpx';
import { FileExtensionNotAllowedError } from 'src/workouts/files/workout-file.errors';
import { getWorkoutFileExtension } from 'src/workouts/files/workout-file-type';

export interface ConvertOptions {
  /** Size limit for the KML document inside a KMZ (app config `max_single_file_size`). */
  maxSingleFileSize: number;
  fitSegmentsCreation?: FitSegmentsCreation;
}

/**
 * Any accepted workout file as GPX text: `.gpx` is returned unchanged (decoded as UTF-8 by
 * the GPX analysis, not here), other formats are converted. The caller stores and analyses
 * the returned text as the workout's GPX file.
 */
export async function convertToGpx(
  fileName: string,
  data: Buffer,
  options: ConvertOptions,
): Promise<Buffer> {
  switch (getWorkoutFileExtension(fileName)) {
    case 'gpx':
      return data;
    case 'tcx':
      return Buffer.from(tcxToGpx(data));
    case 'kml':
      return Buffer.from(kmlToGpx(data));
    case 'kmz':
      return Buffer.from(await kmzToGpx(data, options.maxSingleFileSize));
    case 'fit':
      return Buffer.from(await fitToGpx(data, options.fitSegmentsCreation));
    case null:
      throw new FileExtensionNotAllowedError();
  }
}
