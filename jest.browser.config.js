/**
 * `npm run test:browser`: the web app in Debian's Chromium against a running system, one suite at a
 * time (each drives a whole system and a browser; two at once only fight over two cores).
 */
const base = require('./jest.config.js');
const { BROWSER_SUITES } = require('./test/tiers.js');

module.exports = {
  ...base,
  testMatch: BROWSER_SUITES.match,
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  maxWorkers: 1,
};
