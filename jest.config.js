/** Unit tests: co-located `src` spec files, no database. */
const base = require('./jest.base.js');

module.exports = {
  ...base,
  displayName: 'unit',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/unit/**/*.spec.ts'],
};
