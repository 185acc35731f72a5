/** @type {import('jest').Config} */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    keepClassNames: true,
    target: 'es2022',
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

/**
 * `npm test`: unit tests, one service on the real servers, and API journeys through the whole
 * system, two workers at a time, each worker with its own database, Redis index and NATS prefix
 * (test/support/global-setup.ts). The browser suites (`npm run test:browser`, jest.browser.config.js)
 * the deployment suites (`npm run test:deploy`, jest.deploy.config.js) and the operations drills
 * (`npm run test:ops`, jest.ops.config.js) run apart: they take
 * minutes, and CI runs them after this one.
 */
const { BROWSER_SUITES, DEPLOY_SUITES, OPS_SUITES } = require('./test/tiers.js');

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/libs', '<rootDir>/services', '<rootDir>/scripts', '<rootDir>/test', '<rootDir>/web/test'],
  testMatch: ['**/src/**/*.spec.ts', '**/test/**/*.test.ts'],
  testPathIgnorePatterns: [
    '/node_modules/',
    '/dist/',
    ...BROWSER_SUITES.ignore,
    ...DEPLOY_SUITES.ignore,
    ...OPS_SUITES.ignore,
  ],
  transform: { '^.+\\.(t|mj|j)s$': ['@swc/jest', swc] },
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|@fastify/cookie|cookie|content-disposition|file-type|strtok3|token-types|@tokenizer|@borewit|uint8array-extras)/)',
  ],
  moduleNameMapper: {
    '^@garage/shared$': '<rootDir>/libs/shared/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  cacheDirectory: '<rootDir>/.jest-cache',
  setupFiles: ['<rootDir>/test/support/worker-env.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 30_000,
  forceExit: false,
  maxWorkers: 2,
};
