/** ts-jest wrapper for the @nestjs/swagger CLI plugin, so tests see the same OpenAPI metadata as `nest build`. */
const plugin = require('@nestjs/swagger/plugin');

module.exports = {
  name: 'nestjs-swagger-transformer',
  version: 1,
  factory: (compiler, options) => plugin.before(options, compiler.program),
};
