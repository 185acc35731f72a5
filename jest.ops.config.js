/**
 * `npm run test:ops`: the operations drills against the real servers, one suite at a time: back up,
 * lose the database, restore, start the system on it, replay the events; and the system as replicas
 * (two of every service, two gateways behind the balancer) restarted one by one and killed under load.
 */
const base = require('./jest.config.js');
const { OPS_SUITES } = require('./test/tiers.js');

module.exports = {
  ...base,
  testMatch: OPS_SUITES.match,
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  maxWorkers: 1,
};
