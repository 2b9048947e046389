import { SCOPE, type Scope } from 'src/auth/scopes';

/** Each scope in plain words for the consent screen (docs/oauth2.md#scopes). */
export const SCOPE_DESCRIPTIONS: Readonly<Record<Scope, string>> = {
  [SCOPE.APPLICATION_WRITE]: 'Change the application settings (administrators only)',
  [SCOPE.PROFILE_READ]: 'Read your profile',
  [SCOPE.PROFILE_WRITE]: 'Change your profile, preferences and picture',
  [SCOPE.USERS_READ]: 'Read user accounts',
  [SCOPE.USERS_WRITE]: 'Change or delete user accounts',
  [SCOPE.WORKOUTS_READ]: 'Read your workouts, records, sports and statistics',
  [SCOPE.WORKOUTS_WRITE]: 'Add, change and delete your workouts',
};
