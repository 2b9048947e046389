/** The smoke e2e subset on the embedded PGlite database (`npm run test:e2e:embedded`). */
const e2e = require('./jest-e2e.config.js');

process.env.PACEKEEPER_TEST_EMBEDDED = '1';

module.exports = {
  ...e2e,
  displayName: 'e2e-embedded',
  testMatch: ['<rootDir>/test/e2e/smoke/**/*.e2e-spec.ts'],
  // Each file starts its own PGlite (initdb + migrations): slow on a busy machine.
  testTimeout: 180000,
};
