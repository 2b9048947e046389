import { Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, CurrentUser, Scopes } from 'src/auth/decorators';
import { ownReadWithToken, type Principal, readWithToken } from 'src/auth/principal';
import { SCOPE } from 'src/auth/scopes';
import { ApiEnvelopeResponse } from 'src/common/envelope/api-envelope-response.decorator';
import type { PaginatedResult } from 'src/common/envelope/envelope.types';
import { IdempotencyKey } from 'src/common/idempotency/idempotency-key.decorator';
import type { IdempotencyRequest } from 'src/common/idempotency/idempotency-request';
import { ApiErrors } from 'src/common/openapi/api-error-responses.decorator';
import { JsonBody } from 'src/common/validation/json-body.decorator';
import type { User } from 'src/users/user.entity';
import { CreateManualWorkoutDto } from 'src/workouts/dto/create-manual-workout.dto';
import { UpdateWorkoutDto } from 'src/workouts/dto/update-workout.dto';
import { MANUAL_WORKOUT_EXAMPLE } from 'src/workouts/dto/workout-examples';
import { WorkoutsListResponseDto } from 'src/workouts/dto/workout-response.dto';
import { WORKOUT_READ, WORKOUTS_PAGE_READ } from 'src/workouts/read-with-token';
import {
  ApiNoWorkout,
  ApiOtherUsersWorkout,
  ApiWorkoutIdParam,
} from 'src/workouts/workout-docs.decorators';
import { WorkoutUpdateService } from 'src/workouts/workout-update.service';
import { WorkoutsService } from 'src/workouts/workouts.service';
import { ApiWorkoutFilters } from 'src/workouts/workouts-query-docs.decorator';

const INVALID_PAYLOAD =
  '`invalid payload`: a missing or falsy required value, a wrong type, an unpaired `ascent` / ' +
  '`descent`, or a figure its column cannot hold, named: `invalid payload: distance ' +
  '(10000000 km) exceeds 9999999.999 km`; a too long `title` or `notes` is named too ' +
  '(`title: 255 characters maximum`).';

/** The same key with another body: the idempotency decorator describes it, this adds the body. */

@ApiTags('workouts')
@Controller('workouts')
export class WorkoutsController {
  constructor(
    private readonly service: WorkoutsService,
    private readonly updater: WorkoutUpdateService,
  ) {}

  @Get()
  @Scopes(SCOPE.WORKOUTS_READ, { readWithToken: WORKOUTS_PAGE_READ })
  @ApiOperation({
    summary: 'List the caller’s workouts',
    description:
      'The caller’s workouts, filtered, sorted and paginated (FitTrackee `GET /api/workouts`); ' +
      'scope `workouts:read`. `previous_workout` / `next_workout` of each workout are looked up ' +
      'within the same filters, as FitTrackee does. A page past the end is an empty list.',
  })
  @ApiEnvelopeResponse(WorkoutsListResponseDto, {
    isPaginated: true,
    description:
      'One page of workouts, most recent first unless `order` / `order_by` say otherwise.',
    example: {
      status: 'success',
      data: { workouts: [MANUAL_WORKOUT_EXAMPLE] },
      pagination: { has_next: true, has_prev: false, page: 1, pages: 2, total: 7 },
    },
  })
  @ApiErrors({
    400:
      'A parameter that does not parse (a non-integer `page`, a day that is not `YYYY-MM-DD`, ' +
      'an unknown `order_by`, a non-numeric bound): `error, please try again or contact the ' +
      'administrator` (FitTrackee answers 500); a `title` longer than the column: `title: 255 ' +
      'characters maximum`.',
  })
  @ApiWorkoutFilters()
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: Record<string, unknown>,
  ): Promise<PaginatedResult<WorkoutsListResponseDto>> {
    return this.service.list(principal.user, query, readWithToken(principal, WORKOUTS_PAGE_READ));
  }

  @Post('no_gpx')
  @Scopes(SCOPE.WORKOUTS_WRITE)
  @HttpCode(201)
  @ApiOperation({
    summary: 'Create a workout without a file',
    description:
      'A workout from values entered by hand (FitTrackee `POST /api/workouts/no_gpx`); scope ' +
      '`workouts:write`. `workout_date` is `YYYY-MM-DD HH:MM` in the user’s time zone; the ' +
      'title defaults to `<sport> - <date>`; both speeds are distance / duration. Records of ' +
      'the sport are recomputed.',
  })
  @ApiEnvelopeResponse(WorkoutsListResponseDto, {
    status: 201,
    description: 'The new workout, alone in `workouts`.',
    example: { status: 'created', data: { workouts: [MANUAL_WORKOUT_EXAMPLE] } },
  })
  @ApiErrors({
    400:
      `${INVALID_PAYLOAD} An unknown sport or a \`workout_date\` that does not parse: ` +
      '`{"status": "fail", "message": "Error during workout save."}`. A malformed ' +
      '`Idempotency-Key`: `invalid Idempotency-Key header`.',
  })
  createManual(
    @CurrentUser() user: User,
    @JsonBody(CreateManualWorkoutDto) body: CreateManualWorkoutDto,
    @IdempotencyKey() idempotency: IdempotencyRequest | undefined,
  ): Promise<WorkoutsListResponseDto> {
    return this.service.createManual(user, body, idempotency);
  }

  @Get(':workout_id')
  @Scopes(SCOPE.WORKOUTS_READ, { readWithToken: WORKOUT_READ })
  @ApiOperation({
    summary: 'Get a workout',
    description:
      'One of the caller’s workouts, with its previous and next ones by date (FitTrackee ' +
      '`GET /api/workouts/<workout_id>`); scope `workouts:read`.',
  })
  @ApiWorkoutIdParam()
  @ApiEnvelopeResponse(WorkoutsListResponseDto, {
    description: 'The workout, alone in `workouts`.',
    example: { status: 'success', data: { workouts: [MANUAL_WORKOUT_EXAMPLE] } },
  })
  @ApiNoWorkout()
  @ApiOtherUsersWorkout()
  getById(@CurrentPrincipal() principal: Principal): WorkoutsListResponseDto {
    // The `workout_id` path parameter is read with the token (WORKOUT_JOINED).
    return this.service.getById(principal.user, ownReadWithToken(principal, WORKOUT_READ));
  }

  @Patch(':workout_id')
  @Scopes(SCOPE.WORKOUTS_WRITE)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Edit a workout',
    description:
      'Changes the given keys (FitTrackee `PATCH /api/workouts/<workout_id>`); scope ' +
      '`workouts:write`. Falsy values are ignored. `sport_id`, `title` and `notes` apply to ' +
      'every workout; `workout_date`, `duration`, `distance`, `ascent` and `descent` only to a ' +
      'workout without a file (speeds are recomputed; `ascent` and `descent` go together, null ' +
      'clears them). Records of the old and new sport are recomputed.',
  })
  @ApiWorkoutIdParam()
  @ApiEnvelopeResponse(WorkoutsListResponseDto, {
    description: 'The edited workout, alone in `workouts`.',
    example: {
      status: 'success',
      data: {
        workouts: [
          { ...MANUAL_WORKOUT_EXAMPLE, modification_date: 'Sat, 08 Apr 2023 09:12:40 GMT' },
        ],
      },
    },
  })
  @ApiErrors({
    400:
      `${INVALID_PAYLOAD} An unknown sport or a \`workout_date\` that does not parse: ` +
      '`error, please try again or contact the administrator`.',
  })
  @ApiNoWorkout()
  @ApiOtherUsersWorkout()
  update(
    @CurrentUser() user: User,
    @Param('workout_id') id: string,
    @JsonBody(UpdateWorkoutDto) body: UpdateWorkoutDto,
  ): Promise<WorkoutsListResponseDto> {
    return this.updater.update(user, id, body);
  }

  @Delete(':workout_id')
  @Scopes(SCOPE.WORKOUTS_WRITE)
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a workout',
    description:
      'Deletes the workout, its segments, its GPX file and map image (FitTrackee `DELETE ' +
      '/api/workouts/<workout_id>`); scope `workouts:write`. Records it held pass to the next ' +
      'best workouts.',
  })
  @ApiWorkoutIdParam()
  @ApiNoContentResponse({ description: 'Deleted; no body.' })
  @ApiNoWorkout()
  @ApiOtherUsersWorkout()
  remove(@CurrentUser() user: User, @Param('workout_id') id: string): Promise<void> {
    return this.service.remove(user, id);
  }
}
