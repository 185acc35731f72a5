import { createBranch, createService } from './catalog.contracts';

const service = (laborHours: number) => ({
  code: 'OIL-CHANGE',
  name: 'Oil change',
  category: 'Maintenance',
  durationMinutes: 30,
  laborHours,
});

describe('catalog decimals', () => {
  it.each([0, 0.29, 1.1, 1.15, 2.3, 99.99])(
    'accepts %p labour hours (2 decimals, whatever binary floats make of them)',
    (h) => {
      expect(createService.request.safeParse(service(h)).success).toBe(true);
    },
  );

  it.each([1.234, 0.001, 100.01, -1])('refuses %p labour hours', (h) => {
    expect(createService.request.safeParse(service(h)).success).toBe(false);
  });

  it('accepts tax rates with 3 decimals and refuses a 4th', () => {
    const branch = (taxRatePercent: number) =>
      createBranch.request.safeParse({
        name: 'B',
        address: 'A',
        timezone: 'UTC',
        openingHours: {
          monday: null,
          tuesday: null,
          wednesday: null,
          thursday: null,
          friday: null,
          saturday: null,
          sunday: null,
        },
        bays: 1,
        laborRateCents: 100,
        taxRatePercent,
      }).success;
    expect([1.001, 2.01, 8.875, 10.25].map(branch)).toEqual([true, true, true, true]);
    expect([8.8751, 100.5].map(branch)).toEqual([false, false]);
  });
});
