import { Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Scopes } from 'src/auth/decorators';
import { SCOPE } from 'src/auth/scopes';
import type { PaginatedResult } from 'src/common/envelope/envelope.types';
import { IdempotencyKey } from 'src/common/idempotency/idempotency-key.decorator';
import type { IdempotencyRequest } from 'src/common/idempotency/idempotency-request';
import { JsonBody } from 'src/common/validation/json-body.decorator';
import type { User } from 'src/users/user.entity';
import { CreateManualWorkoutDto } from 'src/workouts/dto/create-manual-workout.dto';
import { UpdateWorkoutDto } from 'src/workouts/dto/update-workout.dto';
import { WorkoutsListResponseDto } from 'src/workouts/dto/workout-response.dto';
import { WorkoutUpdateService } from 'src/workouts/workout-update.service';
import { WorkoutsService } from 'src/workouts/workouts.service';
import { ApiWorkoutFilters } from 'src/workouts/workouts-query-docs.decorator';

/** FitTrackee `POST /api/workouts/no_gpx` and `PATCH /api/workouts/<id>` refusals. */
const FIGURES_400 =
  '`invalid payload`; a distance, ascent, descent or derived average speed its column cannot ' +
  'hold is named: `invalid payload: distance (10000000 km) exceeds 9999999.999 km`.';

@ApiTags('workouts')
@Controller('workouts')
export class WorkoutsController {
  constructor(
    private readonly service: WorkoutsService,
    private readonly updater: WorkoutUpdateService,
  ) {}

  /** The caller's workouts, filtered and paginated (FitTrackee `GET /api/workouts`). */
  @Get()
  @Scopes(SCOPE.WORKOUTS_READ)
  @ApiOkResponse({ type: WorkoutsListResponseDto })
  @ApiWorkoutFilters()
  list(
    @CurrentUser() user: User,
    @Query() query: Record<string, unknown>,
  ): Promise<PaginatedResult<WorkoutsListResponseDto>> {
    return this.service.list(user, query);
  }

  /** Create a workout from manual values (FitTrackee `POST /api/workouts/no_gpx`). */
  @Post('no_gpx')
  @Scopes(SCOPE.WORKOUTS_WRITE)
  @HttpCode(201)
  @ApiCreatedResponse({ type: WorkoutsListResponseDto })
  @ApiBadRequestResponse({
    description: `${FIGURES_400} A malformed \`Idempotency-Key\` is \`invalid Idempotency-Key header\`.`,
  })
  createManual(
    @CurrentUser() user: User,
    @JsonBody(CreateManualWorkoutDto) body: CreateManualWorkoutDto,
    @IdempotencyKey() idempotency: IdempotencyRequest | undefined,
  ): Promise<WorkoutsListResponseDto> {
    return this.service.createManual(user, body, idempotency);
  }

  /** One of the caller's workouts, with previous/next (FitTrackee `GET /api/workouts/<workout_id>`). */
  @Get(':workout_id')
  @Scopes(SCOPE.WORKOUTS_READ)
  @ApiOkResponse({ type: WorkoutsListResponseDto })
  getById(
    @CurrentUser() user: User,
    @Param('workout_id') id: string,
  ): Promise<WorkoutsListResponseDto> {
    return this.service.getById(user, id);
  }

  /** Edit a workout (FitTrackee `PATCH /api/workouts/<workout_id>`). */
  @Patch(':workout_id')
  @Scopes(SCOPE.WORKOUTS_WRITE)
  @HttpCode(200)
  @ApiOkResponse({ type: WorkoutsListResponseDto })
  @ApiBadRequestResponse({ description: FIGURES_400 })
  @ApiNotFoundResponse({ description: 'No workout with this id.' })
  update(
    @CurrentUser() user: User,
    @Param('workout_id') id: string,
    @JsonBody(UpdateWorkoutDto) body: UpdateWorkoutDto,
  ): Promise<WorkoutsListResponseDto> {
    return this.updater.update(user, id, body);
  }

  /** Delete a workout, its segments, records and files (FitTrackee `DELETE /api/workouts/<workout_id>`). */
  @Delete(':workout_id')
  @Scopes(SCOPE.WORKOUTS_WRITE)
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(@CurrentUser() user: User, @Param('workout_id') id: string): Promise<void> {
    return this.service.remove(user, id);
  }
}
