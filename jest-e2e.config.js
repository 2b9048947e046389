/** e2e tests: real HTTP against a real PostgreSQL database cloned per test file. */
const base = require('./jest.base.js');

module.exports = {
  ...base,
  displayName: 'e2e',
  rootDir: '.',
  testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  // Every response the tests receive is checked against openapi.json (test/conformance).
  setupFilesAfterEnv: ['<rootDir>/test/conformance/conformance-after-all.ts'],
  testTimeout: 30000,
  maxWorkers: 2,
};
