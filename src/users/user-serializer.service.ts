import { Inject, Injectable, Optional } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { AppConfigService } from 'src/app-config/app-config.service';
import { toUserResponse } from 'src/users/dto/to-user-response';
import type { UserResponseDto } from 'src/users/dto/user-response.dto';
import { findOptionalProvider } from 'src/users/optional-provider';
import type { User } from 'src/users/user.entity';
import {
  EMPTY_WORKOUT_SUMMARY,
  type OwnSummary,
  USER_WORKOUT_SUMMARY,
  type UserWorkoutSummaryProvider,
} from 'src/users/user-workout-summary';

/**
 * FitTrackee's `User.serialize(current_user)` (FitTrackee `GET /api/auth/profile`): the self view
 * when the viewer is the user, the admin view otherwise. Workout figures come from the workouts feature.
 */
@Injectable()
export class UserSerializer {
  constructor(
    private readonly appConfig: AppConfigService,
    private readonly moduleRef: ModuleRef,
    @Optional()
    @Inject(USER_WORKOUT_SUMMARY)
    private readonly injectedSummary?: UserWorkoutSummaryProvider,
  ) {}

  async serialize(user: User, viewer: User): Promise<UserResponseDto> {
    const [serialized] = await this.serializeMany([user], viewer);
    if (serialized === undefined) throw new Error('serialization produced no user');
    return serialized;
  }

  /**
   * The user's own view (profile, account and preferences responses); with `ownSummary` already
   * read (with the token, on `GET /api/auth/profile`), without a query.
   */
  async serializeSelf(user: User, ownSummary?: OwnSummary): Promise<UserResponseDto> {
    if (ownSummary === undefined) return this.serialize(user, user);
    return toUserResponse(user, 'self', ownSummary.summary, ownSummary.privacyPolicyDate);
  }

  /** One round trip for any number of users (admin user lists, FitTrackee `GET /api/users`). */
  async serializeMany(users: readonly User[], viewer: User): Promise<UserResponseDto[]> {
    if (users.length === 0) return [];
    const { privacyPolicyDate, summaries } = await this.provider().summarizeMany(
      users.map((user) => user.id),
    );
    return users.map((user, index) => {
      const summary = summaries[index];
      if (summary === undefined) throw new Error('no workout summary for the user');
      const view = user.id === viewer.id ? 'self' : 'admin';
      return toUserResponse(user, view, summary, privacyPolicyDate);
    });
  }

  /** Without the workouts feature, users have no workouts; the policy date still counts. */
  private provider(): UserWorkoutSummaryProvider {
    return (
      this.injectedSummary ??
      findOptionalProvider<UserWorkoutSummaryProvider>(this.moduleRef, USER_WORKOUT_SUMMARY, {
        summarizeMany: async (userIds) => ({
          privacyPolicyDate: (await this.appConfig.getRow()).privacyPolicyDate,
          summaries: userIds.map(() => EMPTY_WORKOUT_SUMMARY),
        }),
      })
    );
  }
}
