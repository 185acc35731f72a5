/**
 * `npm run test:ops`: the operations drills — back up, lose the database, restore, start the
 * system on it, replay the events — against the real servers, one suite at a time.
 */
const base = require('./jest.config.js');
const { OPS_SUITES } = require('./test/tiers.js');

module.exports = {
  ...base,
  testMatch: OPS_SUITES.match,
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  maxWorkers: 1,
};
