import type { ModuleRef } from '@nestjs/core';
import type { AppConfigEntity } from 'src/app-config/app-config.entity';
import type { AppConfigService } from 'src/app-config/app-config.service';
import { User } from 'src/users/user.entity';
import { UserSerializer } from 'src/users/user-serializer.service';
import {
  EMPTY_WORKOUT_SUMMARY,
  type UserWorkoutSummaryProvider,
} from 'src/users/user-workout-summary';

function user(
  id: number,
  acceptedPolicyDate: Date | null = new Date('2024-01-02T00:00:00Z'),
): User {
  return Object.assign(new User(), {
    id,
    username: `user_${id}`,
    email: `user_${id}@example.com`,
    admin: false,
    isActive: true,
    bio: null,
    birthDate: null,
    createdAt: new Date('2023-01-01T00:00:00Z'),
    emailToConfirm: null,
    firstName: null,
    lastName: null,
    location: null,
    picture: null,
    acceptedPolicyDate,
  });
}

const noModules = {
  get: () => {
    throw new Error('not provided');
  },
} as unknown as ModuleRef;

const appConfig = (privacyPolicyDate: Date | null): AppConfigService =>
  ({
    getRow: jest.fn(() => Promise.resolve({ privacyPolicyDate } as AppConfigEntity)),
  }) as unknown as AppConfigService;

/** FitTrackee `GET /api/users`: a page of users costs one summary call, not one per user. */
describe('UserSerializer', () => {
  it('summarizes every user of a list in one call, in order, with the policy date', async () => {
    const summarizeMany = jest.fn((ids: readonly number[]) =>
      Promise.resolve({
        privacyPolicyDate: new Date('2024-06-01T00:00:00Z'),
        summaries: ids.map((id) => ({ ...EMPTY_WORKOUT_SUMMARY, nbWorkouts: id * 10 })),
      }),
    );
    const provider: UserWorkoutSummaryProvider = { summarizeMany };
    const config = appConfig(null);
    const serializer = new UserSerializer(config, noModules, provider);
    const [viewer, other] = [user(1), user(2)];

    const result = await serializer.serializeMany([other, viewer], viewer);

    expect(summarizeMany).toHaveBeenCalledTimes(1);
    expect(summarizeMany).toHaveBeenCalledWith([2, 1]);
    expect(config.getRow).not.toHaveBeenCalled();
    expect(result.map((r) => [r.username, r.nb_workouts])).toEqual([
      ['user_2', 20],
      ['user_1', 10],
    ]);
    // Accepted before the policy date: the self view says so; the admin view omits it.
    expect(result[1]).toMatchObject({ accepted_privacy_policy: false });
    expect(result[0]).not.toHaveProperty('accepted_privacy_policy');
    expect(await serializer.serializeMany([], viewer)).toEqual([]);
    expect(summarizeMany).toHaveBeenCalledTimes(1);
  });

  it('without the workouts feature, reads the policy date from the configuration', async () => {
    const config = appConfig(new Date('2023-06-01T00:00:00Z'));
    const serializer = new UserSerializer(config, noModules);
    const self = await serializer.serializeSelf(user(3));
    expect(config.getRow).toHaveBeenCalledTimes(1);
    expect(self).toMatchObject({
      accepted_privacy_policy: true,
      nb_workouts: 0,
      sports_list: [],
      total_duration: '0:00:00',
    });
  });
});
