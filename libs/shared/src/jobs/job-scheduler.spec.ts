import { nextRunDelay } from './job-scheduler.js';

describe('nextRunDelay', () => {
  it('waits the interval plus up to a tenth more, at random', () => {
    expect(nextRunDelay(60_000, false, () => 0)).toBe(60_000);
    expect(nextRunDelay(60_000, false, () => 0.5)).toBe(63_000);
    expect(nextRunDelay(60_000, false, () => 0.999)).toBeLessThan(66_000);
  });

  it('runs first after the jitter alone, so a service restarted often still purges', () => {
    expect(nextRunDelay(3600_000, true, () => 0.5)).toBe(180_000);
  });
});
