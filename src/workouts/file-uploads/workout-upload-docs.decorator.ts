import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation } from '@nestjs/swagger';
import { ApiEnvelopeResponse } from 'src/common/envelope/api-envelope-response.decorator';
import {
  ApiErrors,
  STORAGE_FULL_DESCRIPTION,
} from 'src/common/openapi/api-error-responses.decorator';
import { GPX_WORKOUT_EXAMPLE } from 'src/workouts/dto/workout-examples';
import { WorkoutsListResponseDto } from 'src/workouts/dto/workout-response.dto';
import { ApiEnvelopeError } from 'src/workouts/workout-docs.decorators';

const DESCRIPTION = [
  'Creates one workout per file from a `.gpx`, `.fit`, `.tcx`, `.kml` or `.kmz` file, or from a',
  '`.zip` of them (FitTrackee `POST /api/workouts` with a file); scope `workouts:write`. Figures',
  'are computed as FitTrackee computes them; the title comes from the file; records of the sport',
  'are recomputed, and a map image is drawn when a tile server is configured.',
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
    ApiOperation({ summary: 'Create workouts from a file', description: DESCRIPTION }),
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
    ApiEnvelopeResponse(WorkoutsListResponseDto, {
      status: 201,
      description: 'The new workouts, one per file, in the order of the archive.',
      example: { status: 'created', data: { workouts: [GPX_WORKOUT_EXAMPLE] } },
    }),
    ApiErrors({
      400:
        'The first failed check, in the envelope: `{"status": "fail", "message": "no file ' +
        'part"}`, `no selected file`, `file extension not allowed`, `the number of files in the ' +
        'archive exceeds the limit`, `at least one file in zip archive exceeds size limit, please ' +
        'check the archive`, `zip archive contains an unsafe file name or link`; `{"status": ' +
        '"error", "message": "invalid payload"}`, `Sport id: <id> does not exist` (FitTrackee ' +
        'answers 500), `zip archive is invalid`, `gpx file is invalid`, `no tracks in gpx file`, ' +
        '`error when saving workout`; a malformed `Idempotency-Key`: `invalid Idempotency-Key ' +
        'header`. A zip without any workout file at its top level: `{"status": "fail", "data": ' +
        '{"workouts": []}}`.',
      500:
        'The database refused to store a workout (`error when saving workout`) or a file could ' +
        'not be written to the upload folder (`Error during workout file save.`), as in ' +
        'FitTrackee. Nothing is kept; the request can be retried.',
      507: STORAGE_FULL_DESCRIPTION,
    }),
    ApiEnvelopeError(
      413,
      '`{"status": "fail", "message": "Error during workout upload, file size (<size>) exceeds ' +
        '<limit>."}`: the request is larger than `max_zip_file_size`, or, for a single file, ' +
        'than `max_single_file_size`; the members of a zip inflating to more than the archive ' +
        'budget: `Error during workout upload, exceeds <limit>.`',
      {
        status: 'fail',
        message: 'Error during workout upload, file size (1.2MB) exceeds 1.0MB.',
      },
    ),
  );
}
