import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiParam, ApiResponse } from '@nestjs/swagger';
import {
  BEARER_ERROR_SCHEMA,
  ENVELOPE_ERROR_SCHEMA,
} from 'src/common/openapi/api-error-responses.decorator';
import { ErrorEnvelope } from 'src/common/openapi/error-schemas';

/** The `workout_id` path parameter of every workout route. */
export const ApiWorkoutIdParam = (): MethodDecorator =>
  ApiParam({
    name: 'workout_id',
    description:
      'Short id of the workout (`id` in its serialization): its UUID in base 57, 22 characters.',
    schema: { type: 'string', maxLength: 64, example: '4mXbN7c2aRk9PqLzT5vWyE' },
  });

/**
 * The 403 of a workout that belongs to another user, merged into the scope 403 of @Scopes():
 * the envelope `you do not have permissions` (FitTrackee answers the same).
 */
export const ApiOtherUsersWorkout = (): MethodDecorator =>
  ApiResponse({
    status: 403,
    description: 'The workout belongs to another user: `you do not have permissions`.',
    schema: BEARER_ERROR_SCHEMA,
  });

/** An error answer in the envelope, with an example body (for operations without another one). */
export const ApiEnvelopeError = (
  status: number,
  description: string,
  example: object,
): MethodDecorator =>
  applyDecorators(
    ApiExtraModels(ErrorEnvelope),
    ApiResponse({
      status,
      description,
      content: { 'application/json': { schema: ENVELOPE_ERROR_SCHEMA, example } },
    }),
  );

/** 404 of an unknown workout id on the workout routes (FitTrackee's "data not found"). */
export const ApiNoWorkout = (): MethodDecorator =>
  ApiEnvelopeError(
    404,
    'No workout with this id (a malformed id too): `{"status": "not found", "data": {"workouts": []}}`.',
    { status: 'not found', data: { workouts: [] } },
  );
