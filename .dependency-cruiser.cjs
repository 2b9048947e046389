/** STYLE §1 dependency direction: `npm run depcruise`. */
const FEATURES = '^src/(auth|oauth2|users|workouts|app-config|health)/';
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
      'users imports only common (and config, database)',
      { path: '^src/users/' },
      { path: '^src/', pathNot: '^src/(users|common|config|database)/' },
    ),
    rule(
      'oauth2-without-auth-module',
      'oauth2 gets the principal from the global guard',
      { path: '^src/oauth2/' },
      { path: '^src/auth/auth\\.module\\.ts$' },
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
