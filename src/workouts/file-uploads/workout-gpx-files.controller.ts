import { Controller, Get, Param, StreamableFile } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Scopes } from 'src/auth/decorators';
import { SCOPE } from 'src/auth/scopes';
import type { TopLevelResult } from 'src/common/envelope/envelope.types';
import { RawResponse } from 'src/common/envelope/raw-response.decorator';
import type { User } from 'src/users/user.entity';
import { WorkoutGpxFilesService } from 'src/workouts/file-uploads/workout-gpx-files.service';

const NOT_FOUND =
  'Unknown workout, no GPX file, or its file missing from the upload folder (answered like no ' +
  'file); the segment variants also for an unknown segment.';

/** A workout's GPX file, segments and chart data (FitTrackee `GET /api/workouts/<workout_id>/gpx`, `GET /api/workouts/<workout_id>/chart_data`, `GET /api/workouts/<workout_id>/gpx/download`). */
@ApiTags('workouts')
@Controller('workouts/:workout_id')
export class WorkoutGpxFilesController {
  constructor(private readonly files: WorkoutGpxFilesService) {}

  @Get('gpx')
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @Scopes(SCOPE.WORKOUTS_READ)
  @ApiOkResponse({ description: '`{"status":"success","message":"","data":{"gpx":"<xml>"}}`' })
  getGpx(@CurrentUser() user: User, @Param('workout_id') id: string): Promise<TopLevelResult> {
    return this.files.getData(user, id, 'gpx');
  }

  @Get('gpx/segment/:segment_id')
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @Scopes(SCOPE.WORKOUTS_READ)
  @ApiOkResponse({ description: 'GPX document of one segment (1-based id)' })
  getSegmentGpx(
    @CurrentUser() user: User,
    @Param('workout_id') id: string,
    @Param('segment_id') segmentId: string,
  ): Promise<TopLevelResult> {
    return this.files.getData(user, id, 'gpx', segmentId);
  }

  @Get('chart_data')
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @Scopes(SCOPE.WORKOUTS_READ)
  @ApiOkResponse({ description: '`{"status":"success","message":"","data":{"chart_data":[...]}}`' })
  getChartData(
    @CurrentUser() user: User,
    @Param('workout_id') id: string,
  ): Promise<TopLevelResult> {
    return this.files.getData(user, id, 'chart_data');
  }

  @Get('chart_data/segment/:segment_id')
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @Scopes(SCOPE.WORKOUTS_READ)
  @ApiOkResponse({ description: 'Chart data of one segment (1-based id)' })
  getSegmentChartData(
    @CurrentUser() user: User,
    @Param('workout_id') id: string,
    @Param('segment_id') segmentId: string,
  ): Promise<TopLevelResult> {
    return this.files.getData(user, id, 'chart_data', segmentId);
  }

  @Get('gpx/download')
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @Scopes(SCOPE.WORKOUTS_READ)
  @RawResponse()
  @ApiProduces('application/gpx+xml')
  download(@CurrentUser() user: User, @Param('workout_id') id: string): Promise<StreamableFile> {
    return this.files.download(user, id);
  }
}
