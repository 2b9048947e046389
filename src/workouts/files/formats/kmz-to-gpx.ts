import { kmlToGpx } from 'src/workouts/files/formats/kml-to-gpx';
import { WorkoutFileError } from 'src/workouts/files/workout-file.errors';
import { getFileExtension } from 'src/workouts/files/workout-file-type';
import { readZipMembers } from 'src/workouts/files/zip/safe-zip';
import { isTopLevelName } from 'src/workouts/files/zip/zip-entry-name';

const isRootKml = (name: string): boolean =>
  isTopLevelName(name) && getFileExtension(name) === 'kml';

/**
 * KMZ = a zip holding `doc.kml` (else the first top-level `.kml`, as Google Earth reads it),
 * read through the safe zip code with the single-file size limit for the inner document.
 */
export async function kmzToGpx(data: Buffer, maxKmlBytes: number): Promise<string> {
  const members = await readZipMembers(data, {
    isCounted: () => false,
    maxCounted: 0,
    isSelected: isRootKml,
    maxMemberBytes: maxKmlBytes,
    maxTotalBytes: maxKmlBytes,
  });
  const kml = members.find((m) => m.name === 'doc.kml') ?? members[0];
  if (kml === undefined) throw new WorkoutFileError('error when parsing kmz file');
  return kmlToGpx(kml.data, 'KMZ');
}
