/** Shared jest settings: ts-jest with the @nestjs/swagger plugin so OpenAPI metadata matches `nest build`. */
process.env.TZ = 'UTC';

module.exports = {
  moduleFileExtensions: ['js', 'json', 'ts'],
  testEnvironment: 'node',
  moduleNameMapper: {
    '^src/(.*)$': '<rootDir>/src/$1',
    '^test/(.*)$': '<rootDir>/test/$1',
    '^examples/(.*)$': '<rootDir>/examples/$1',
    '^bench/(.*)$': '<rootDir>/bench/$1',
  },
  // PGlite is the only dependency transformed (see builtin-import-transformer.js).
  transformIgnorePatterns: ['/node_modules/(?!@electric-sql/pglite/)'],
  transform: {
    '/node_modules/@electric-sql/pglite/dist/.+\\.c?js$':
      '<rootDir>/test/setup/builtin-import-transformer.js',
    '^.+\\.ts$': [
      'ts-jest',
      {
        diagnostics: { ignoreCodes: [151002], exclude: ['**/*'] },
        astTransformers: {
          before: [
            {
              path: '<rootDir>/test/setup/swagger-transformer.js',
              options: {
                classValidatorShim: true,
                introspectComments: true,
                dtoFileNameSuffix: ['.dto.ts', '.entity.ts'],
              },
            },
          ],
        },
      },
    ],
  },
};
