import { Inject, Injectable, Optional } from '@nestjs/common';
import { AppConfigService } from 'src/app-config/app-config.service';
import { toUserResponse, type UserView } from 'src/users/dto/to-user-response';
import type { UserResponseDto } from 'src/users/dto/user-response.dto';
import type { User } from 'src/users/user.entity';
import {
  EMPTY_WORKOUT_SUMMARY,
  USER_WORKOUT_SUMMARY,
  type UserWorkoutSummaryProvider,
} from 'src/users/user-workout-summary';

/**
 * The user serialization with its workout figures and the instance's privacy policy date
 * (spec auth.md §2). Without a workouts module, the figures are those of a user with no workout.
 */
@Injectable()
export class UserSerializer {
  constructor(
    private readonly appConfig: AppConfigService,
    @Optional()
    @Inject(USER_WORKOUT_SUMMARY)
    private readonly summaries: UserWorkoutSummaryProvider | null = null,
  ) {}

  async serialize(user: User, view: UserView = 'self'): Promise<UserResponseDto> {
    const summary = this.summaries
      ? await this.summaries.summarize(user.id)
      : EMPTY_WORKOUT_SUMMARY;
    const { privacyPolicyDate } = await this.appConfig.getRow();
    return toUserResponse(user, view, summary, privacyPolicyDate);
  }
}
