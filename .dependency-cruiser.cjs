/** STYLE §1 dependency direction: `npm run depcruise`. */
const FEATURES = '^src/(auth|oauth2|users|workouts|app-config|health|webhooks)/';
const rule = (name, comment, from, to) => ({ name, comment, severity: 'error', from, to });

module.exports = {
  forbidden: [
    rule(
      'common-is-leaf',
      'common holds no business logic and imports no feature module',
      { path: '^src/common/' },
      { path: FEATURES },
    ),
    rule(
      'users-depends-on-common-only',
      // Every controller needs the scope vocabulary and decorators (auth/scopes, auth/decorators),
      // the serialization needs the privacy-policy date (app-config), and admin password resets
      // sign the reset JWT (auth-tokens module, a leaf). Nothing else of auth or any feature.
      'users imports common, config, database, the scope machinery, app-config and token signing',
      { path: '^src/users/' },
      {
        path: '^src/',
        pathNot: [
          '^src/(users|common|config|database)/',
          '^src/auth/(scopes|principal|auth-tokens\\.(service|module))\\.ts$',
          '^src/auth/decorators/',
          '^src/app-config/app-config\\.(module|service)\\.ts$',
        ],
      },
    ),
    rule(
      'features-stay-out-of-cli',
      'the CLI drives features; no feature imports it',
      { path: FEATURES },
      { path: '^src/cli/' },
    ),
    rule(
      'oauth2-without-auth-module',
      'oauth2 gets the principal from the global guard',
      { path: '^src/oauth2/' },
      { path: '^src/auth/auth\\.module\\.ts$' },
    ),
    rule(
      'webhook-outbox-is-a-leaf',
      // Writers of workouts and tokens call it inside their transactions (docs/webhooks.md).
      'the webhook outbox functions import only the event vocabulary and the scope names',
      { path: '^src/webhooks/(outbox/|webhook-events\\.ts$)' },
      {
        path: '^src/',
        pathNot: ['^src/webhooks/(outbox/|webhook-events\\.ts$)', '^src/auth/scopes\\.ts$'],
      },
    ),
    rule('no-circular', 'no import cycles', {}, { circular: true }),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.spec\\.ts$' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
