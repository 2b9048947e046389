import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiOperation,
  ApiPayloadTooLargeResponse,
} from '@nestjs/swagger';

const DESCRIPTION = [
  'Creates one workout per file from a `.gpx`, `.fit`, `.tcx`, `.kml` or `.kmz` file, or from a',
  '`.zip` of them (FitTrackee `POST /api/workouts` with a file, docs/uploads.md). Figures are',
  'computed as FitTrackee computes them; the title comes from the file.',
  '',
  'Checks, in this order: request size against `max_zip_file_size` (413); a `file` part (400',
  '`no file part`) with a name (`no selected file`) and an accepted extension (`file extension',
  'not allowed`); for a single file, the request size against `max_single_file_size` (413);',
  '`data` (`invalid payload`); the sport (`Sport id: <id> does not exist`); for a zip, the number',
  'of workout files anywhere in it against `gpx_limit_import` and each one’s size, then only',
  'files at its top level are imported (a nested `.zip` there is refused as an invalid GPX file);',
  'then each file’s content (`gpx file is invalid`, `no tracks in gpx file`, `<time> is missing',
  'in gpx file`). A track point outside latitudes [-90, 90] or longitudes [-180, 180], or with',
  'an elevation that is not finite or outside [-12000, 50000] m, makes the file invalid, with',
  'the value and the point: `gpx file is invalid: longitude 500 is not within [-180, 180] (track',
  '1, segment 1, point 4)`. A figure its column cannot hold is refused by name: `error when',
  'saving workout: max_speed (72000000000 km/h) exceeds 99999999.99 km/h` (limits in the README).',
  '',
  'All or nothing: if any file of a zip is refused, no workout is created and no file is kept.',
].join('\n');

/** OpenAPI description of the multipart workout upload. */
export function ApiWorkoutUpload(): MethodDecorator {
  return applyDecorators(
    ApiOperation({ description: DESCRIPTION }),
    ApiConsumes('multipart/form-data'),
    ApiBody({
      schema: {
        type: 'object',
        required: ['file', 'data'],
        properties: {
          file: {
            type: 'string',
            format: 'binary',
            description: 'The workout file or zip archive.',
          },
          data: {
            type: 'string',
            description: 'A JSON string with `sport_id` (required) and `notes` (optional).',
            example: '{"sport_id": 1, "notes": "morning ride"}',
          },
        },
      },
    }),
    ApiBadRequestResponse({
      description:
        'The envelope with the first failed check’s message; a zip without any workout file at ' +
        'its top level answers `{"status": "fail", "data": {"workouts": []}}`.',
    }),
    ApiPayloadTooLargeResponse({
      description:
        '`Error during workout upload, file size (<size>) exceeds <limit>.` (`max_zip_file_size`, ' +
        'or `max_single_file_size` for a single file).',
    }),
  );
}
