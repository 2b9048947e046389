import type { ChartPointDto } from 'src/workouts/file-uploads/workout-file-data.dto';
import { ApiEnvelopeError } from 'src/workouts/workout-docs.decorators';

/** A short GPX document (OpenAPI examples). */
export const GPX_EXAMPLE =
  '<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="GPSBabel">' +
  '<trk><name>just a workout</name><trkseg>' +
  '<trkpt lat="44.68095" lon="6.07367"><ele>998</ele><time>2018-03-13T12:44:45Z</time></trkpt>' +
  '<trkpt lat="44.68091" lon="6.0737"><ele>998</ele><time>2018-03-13T12:44:50Z</time></trkpt>' +
  '</trkseg></trk></gpx>';

export const CHART_DATA_EXAMPLE: ChartPointDto[] = [
  {
    distance: 0.0,
    duration: 0,
    elevation: 998.0,
    latitude: 44.68095,
    longitude: 6.07367,
    speed: 3.21,
    time: 'Tue, 13 Mar 2018 12:44:45 GMT',
  },
  {
    distance: 0.0,
    duration: 5,
    elevation: 998.0,
    latitude: 44.68091,
    longitude: 6.0737,
    speed: 3.21,
    time: 'Tue, 13 Mar 2018 12:44:50 GMT',
  },
];

/**
 * The 404s of the GPX and chart data routes (FitTrackee `get_workout_data`): an unknown
 * workout carries the "data not found" body, a missing file and an unknown segment a message.
 */
export const ApiWorkoutGpxNotFound = (
  type: 'gpx' | 'chart_data',
  isSegment = false,
): MethodDecorator =>
  ApiEnvelopeError(
    404,
    [
      `Unknown workout: \`{"status": "not found", "data": {"${type}": ""}, "message": "workout ` +
        'not found (id: <workout_id>)"}`.',
      'No GPX file, or its file missing from the upload folder: `no gpx file for this workout ' +
        '(id: <workout_id>)`.',
      ...(isSegment
        ? [
            "A segment past the last one: `No segment with id '<segment_id>'`; a segment id " +
              'that is not digits: `the requested URL was not found on the server`.',
          ]
        : []),
    ].join(' '),
    {
      status: 'not found',
      data: { [type]: '' },
      message: 'workout not found (id: 4mXbN7c2aRk9PqLzT5vWyE)',
    },
  );
