/**
 * The suites that run apart from `npm test`, as jest globs (to run them) and as path patterns (to
 * leave them out of `npm test`). See jest.config.js.
 */
const BROWSER = [
  'customer-account',
  'customer-booking',
  'customer-booking-edges',
  'service-down',
  'sign-in',
  'staff-audit',
  'staff-console',
];

module.exports = {
  BROWSER_SUITES: {
    match: [`**/web/test/@(${BROWSER.join('|')}).test.ts`],
    ignore: [`/web/test/(${BROWSER.join('|')})\\.test\\.ts$`],
  },
  DEPLOY_SUITES: {
    match: ['**/test/deploy/*.test.ts', '**/test/e2e/start.test.ts'],
    ignore: ['/test/deploy/', '/test/e2e/start\\.test\\.ts$'],
  },
  // Operations drills (backup and restore; replicas restarted and killed under load): minutes each, `npm run test:ops`.
  OPS_SUITES: {
    match: ['**/test/ops/*.test.ts'],
    ignore: ['/test/ops/'],
  },
};
