import { Controller, HttpCode, Post, UseInterceptors } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, Scopes } from 'src/auth/decorators';
import { SCOPE } from 'src/auth/scopes';
import { IdempotencyKey } from 'src/common/idempotency/idempotency-key.decorator';
import type { IdempotencyRequest } from 'src/common/idempotency/idempotency-request';
import type { User } from 'src/users/user.entity';
import { WorkoutsListResponseDto } from 'src/workouts/dto/workout-response.dto';
import { UploadBodyInterceptor } from 'src/workouts/file-uploads/upload-body.interceptor';
import {
  type UploadParts,
  UploadPartsParam,
} from 'src/workouts/file-uploads/upload-parts.decorator';
import { WorkoutUploadService } from 'src/workouts/file-uploads/workout-upload.service';
import { ApiWorkoutUpload } from 'src/workouts/file-uploads/workout-upload-docs.decorator';

@ApiTags('workouts')
@Controller('workouts')
export class WorkoutUploadController {
  constructor(private readonly uploads: WorkoutUploadService) {}

  @Post()
  @Scopes(SCOPE.WORKOUTS_WRITE)
  @HttpCode(201)
  @UseInterceptors(UploadBodyInterceptor)
  @ApiWorkoutUpload()
  create(
    @CurrentUser() user: User,
    @UploadPartsParam() parts: UploadParts,
    @IdempotencyKey() key: IdempotencyRequest | undefined,
  ): Promise<WorkoutsListResponseDto> {
    return this.uploads.create(user, parts, key);
  }
}
