import { AppError } from 'src/common/errors/app-error';

/**
 * Messages FitTrackee gives for a GPX file it cannot turn into a workout
 * (docs/uploads.md#validation item 9, FitTrackee `GET /api/workouts/<workout_id>/gpx`). The
 * reference answers 500 with these texts; we answer 400 with the same body
 * (docs/uploads.md#hostile-input), except for the segment lookups of FitTrackee
 * `GET /api/workouts/<workout_id>/gpx/segment/<segment_id>`.
 */
export const GPX_ERROR_MESSAGES = {
  invalid: 'gpx file is invalid',
  noTracks: 'no tracks in gpx file',
  missingTime: '<time> is missing in gpx file',
  parsing: 'error during gpx file parsing',
  processing: 'error during gpx processing',
} as const;

export type GpxErrorCode = keyof typeof GPX_ERROR_MESSAGES;

/**
 * A GPX file refused by the analysis; `code` lets callers branch without comparing text. A
 * `detail` follows the reference's message (`gpx file is invalid: …`) where we know more.
 */
export class GpxError extends AppError {
  constructor(
    readonly code: GpxErrorCode,
    detail?: string,
  ) {
    const message = GPX_ERROR_MESSAGES[code];
    super(400, 'error', { message: detail === undefined ? message : `${message}: ${detail}` });
  }
}

/** Where a track point is, 0-based (the message counts from 1, like the segment routes). */
export interface PointPlace {
  track: number;
  segment: number;
  point: number;
}

/** A track point value nothing on Earth can have (`point-limits.ts`), with its place. */
export class GpxPointValueError extends GpxError {
  constructor(problem: string, place: PointPlace) {
    const where = `track ${place.track + 1}, segment ${place.segment + 1}, point ${place.point + 1}`;
    super('invalid', `${problem} (${where})`);
  }
}

/**
 * `GET …/segment/<n>` with n = 0 or negative (FitTrackee `GET /api/workouts/<workout_id>/gpx`:
 * `Incorrect segment id`; 400, not 500).
 */
export class IncorrectSegmentIdError extends AppError {
  constructor() {
    super(400, 'error', { message: 'Incorrect segment id' });
  }
}

/**
 * `GET …/segment/<n>` beyond the first track's segments (FitTrackee
 * `GET /api/workouts/<workout_id>/gpx`).
 */
export class SegmentNotFoundError extends AppError {
  constructor(segmentId: number) {
    super(404, 'not found', { message: `No segment with id '${segmentId}'` });
  }
}
