import { Controller, Get, Param, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Scopes } from 'src/auth/decorators';
import { SCOPE } from 'src/auth/scopes';
import type { TopLevelResult } from 'src/common/envelope/envelope.types';
import { RawResponse } from 'src/common/envelope/raw-response.decorator';
import { ApiErrors } from 'src/common/openapi/api-error-responses.decorator';
import { ApiFileResponse } from 'src/common/openapi/api-file-response.decorator';
import type { User } from 'src/users/user.entity';
import {
  WorkoutChartDataResponseDto,
  WorkoutGpxResponseDto,
} from 'src/workouts/file-uploads/workout-file-data.dto';
import { WorkoutGpxFilesService } from 'src/workouts/file-uploads/workout-gpx-files.service';
import {
  ApiWorkoutGpxNotFound,
  CHART_DATA_EXAMPLE,
  GPX_EXAMPLE,
} from 'src/workouts/file-uploads/workout-gpx-files-docs';
import {
  ApiEnvelopeError,
  ApiOtherUsersWorkout,
  ApiWorkoutIdParam,
} from 'src/workouts/workout-docs.decorators';

const SEGMENT_PARAM = ApiParam({
  name: 'segment_id',
  description:
    'Segment of the first track, counted from 1 (the `segment_id` of serialized segments plus ' +
    'one). Only digits: anything else is an unknown route (404).',
  schema: { type: 'integer', minimum: 1, example: 1 },
});

const SEGMENT_400 = ApiErrors({
  400: 'Segment `0`: `Incorrect segment id` (FitTrackee answers 500).',
});

/** A workout's GPX file, its segments and chart data, and the file as a download. */
@ApiTags('workouts')
@Controller('workouts/:workout_id')
export class WorkoutGpxFilesController {
  constructor(private readonly files: WorkoutGpxFilesService) {}

  @Get('gpx')
  @Scopes(SCOPE.WORKOUTS_READ)
  @ApiOperation({
    summary: 'Get the GPX file of a workout',
    description:
      'The stored GPX file as text, in JSON (FitTrackee `GET /api/workouts/<workout_id>/gpx`); ' +
      'scope `workouts:read`.',
  })
  @ApiWorkoutIdParam()
  @ApiResponse({
    status: 200,
    description: 'The stored file verbatim.',
    type: WorkoutGpxResponseDto,
    example: { status: 'success', message: '', data: { gpx: GPX_EXAMPLE } },
  })
  @ApiWorkoutGpxNotFound('gpx')
  @ApiOtherUsersWorkout()
  getGpx(@CurrentUser() user: User, @Param('workout_id') id: string): Promise<TopLevelResult> {
    return this.files.getData(user, id, 'gpx');
  }

  @Get('gpx/segment/:segment_id')
  @Scopes(SCOPE.WORKOUTS_READ)
  @ApiOperation({
    summary: 'Get the GPX of one segment',
    description:
      'A GPX document generated for one segment: one track with one segment whose points keep ' +
      'latitude, longitude and elevation only (FitTrackee `GET ' +
      '/api/workouts/<workout_id>/gpx/segment/<segment_id>`); scope `workouts:read`.',
  })
  @ApiWorkoutIdParam()
  @SEGMENT_PARAM
  @ApiResponse({
    status: 200,
    description: 'The segment as a new GPX document.',
    type: WorkoutGpxResponseDto,
    example: { status: 'success', message: '', data: { gpx: GPX_EXAMPLE } },
  })
  @SEGMENT_400
  @ApiWorkoutGpxNotFound('gpx', true)
  @ApiOtherUsersWorkout()
  getSegmentGpx(
    @CurrentUser() user: User,
    @Param('workout_id') id: string,
    @Param('segment_id') segmentId: string,
  ): Promise<TopLevelResult> {
    return this.files.getData(user, id, 'gpx', segmentId);
  }

  @Get('chart_data')
  @Scopes(SCOPE.WORKOUTS_READ)
  @ApiOperation({
    summary: 'Get the chart data of a workout',
    description:
      'Distance, duration, elevation, position, speed and time of each point of the first ' +
      'track (FitTrackee `GET /api/workouts/<workout_id>/chart_data`); scope `workouts:read`.',
  })
  @ApiWorkoutIdParam()
  @ApiResponse({
    status: 200,
    description: 'The points, in order; `chart_data` is null when the file has no track.',
    type: WorkoutChartDataResponseDto,
    example: { status: 'success', message: '', data: { chart_data: CHART_DATA_EXAMPLE } },
  })
  @ApiWorkoutGpxNotFound('chart_data')
  @ApiOtherUsersWorkout()
  getChartData(
    @CurrentUser() user: User,
    @Param('workout_id') id: string,
  ): Promise<TopLevelResult> {
    return this.files.getData(user, id, 'chart_data');
  }

  @Get('chart_data/segment/:segment_id')
  @Scopes(SCOPE.WORKOUTS_READ)
  @ApiOperation({
    summary: 'Get the chart data of one segment',
    description:
      'The chart points of one segment; distance and duration count from its first point ' +
      '(FitTrackee `GET /api/workouts/<workout_id>/chart_data/segment/<segment_id>`); scope ' +
      '`workouts:read`.',
  })
  @ApiWorkoutIdParam()
  @SEGMENT_PARAM
  @ApiResponse({
    status: 200,
    description: 'The points of the segment, in order.',
    type: WorkoutChartDataResponseDto,
    example: { status: 'success', message: '', data: { chart_data: CHART_DATA_EXAMPLE } },
  })
  @SEGMENT_400
  @ApiWorkoutGpxNotFound('chart_data', true)
  @ApiOtherUsersWorkout()
  getSegmentChartData(
    @CurrentUser() user: User,
    @Param('workout_id') id: string,
    @Param('segment_id') segmentId: string,
  ): Promise<TopLevelResult> {
    return this.files.getData(user, id, 'chart_data', segmentId);
  }

  @Get('gpx/download')
  @Scopes(SCOPE.WORKOUTS_READ)
  @RawResponse()
  @ApiOperation({
    summary: 'Download the GPX file of a workout',
    description:
      'The stored GPX file as an attachment named as stored (FitTrackee `GET ' +
      '/api/workouts/<workout_id>/gpx/download`); scope `workouts:read`. Looked up among the ' +
      'caller’s workouts only: another user’s workout is a 404, not a 403.',
  })
  @ApiWorkoutIdParam()
  @ApiFileResponse({
    description: 'The GPX file.',
    mediaTypes: ['application/gpx+xml'],
    example: GPX_EXAMPLE,
    headers: {
      'Content-Disposition': {
        description: '`attachment; filename=<YYYY-MM-DD_HH-MM-SS>_<sport_id>_<random>.gpx`',
        schema: { type: 'string' },
      },
    },
  })
  @ApiEnvelopeError(
    404,
    'Unknown workout or another user’s: `{"status": "not found", "data": {"workout": []}, ' +
      '"message": "workout not found (id: <workout_id>)"}`; no GPX file (or its file missing): ' +
      '`{"status": "not found", "data": {"gpx": ""}, "message": "no gpx file for workout (id: ' +
      '<workout_id>)"}`.',
    {
      status: 'not found',
      data: { workout: [] },
      message: 'workout not found (id: 4mXbN7c2aRk9PqLzT5vWyE)',
    },
  )
  download(@CurrentUser() user: User, @Param('workout_id') id: string): Promise<StreamableFile> {
    return this.files.download(user, id);
  }
}
