/**
 * `npm run test:deploy`: what ops run — `npm start` from nothing, compose and Kubernetes files,
 * nginx for real, least privilege on the real servers, each workspace installed on its own.
 */
const base = require('./jest.config.js');
const { DEPLOY_SUITES } = require('./test/tiers.js');

module.exports = {
  ...base,
  testMatch: DEPLOY_SUITES.match,
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  maxWorkers: 1,
};
