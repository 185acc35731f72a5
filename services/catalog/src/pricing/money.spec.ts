import { divideRoundingHalfUp, laborCents, partsCents, taxCents, toScaledInteger } from './money.js';

describe('divideRoundingHalfUp', () => {
  it.each([
    [0n, 100n, 0n],
    [49n, 100n, 0n],
    [50n, 100n, 1n],
    [150n, 100n, 2n],
    [250n, 100n, 3n],
    [1n, 3n, 0n],
    [2n, 3n, 1n],
  ])('%s / %s → %s (halves go up, never to even)', (n, d, expected) => {
    expect(divideRoundingHalfUp(n, d)).toBe(expected);
  });

  it('refuses negative amounts and a zero divisor rather than rounding them wrongly', () => {
    expect(() => divideRoundingHalfUp(-1n, 100n)).toThrow(RangeError);
    expect(() => divideRoundingHalfUp(1n, 0n)).toThrow(RangeError);
  });
});

describe('toScaledInteger', () => {
  it('recovers the decimal the number was written as, despite binary floats', () => {
    expect(toScaledInteger(1.15, 2)).toBe(115); // 1.15 * 100 === 114.99999999999999
    expect(toScaledInteger(1.25, 2)).toBe(125);
    expect(toScaledInteger(100, 2)).toBe(10_000);
    expect(toScaledInteger(0, 2)).toBe(0);
    expect(toScaledInteger(8.875, 3)).toBe(8875);
    expect(toScaledInteger(10.25, 3)).toBe(10_250);
    expect(toScaledInteger(0.001, 3)).toBe(1);
  });

  it('refuses a value with more decimals than the scale', () => {
    expect(() => toScaledInteger(1.234, 2)).toThrow(RangeError);
    expect(() => toScaledInteger(8.1234, 3)).toThrow(RangeError);
  });
});

describe('laborCents', () => {
  it.each([
    ['1.25 h × 12,345', 125, 12_345, 15_431], // 15,431.25
    ['0.5 h × 12,345 (a half cent goes up)', 50, 12_345, 6_173], // 6,172.5
    ['1.01 h × 50', 101, 50, 51], // 50.5
    ['1.15 h × 10 (naive floats give 11)', 115, 10, 12], // 11.5
    ['2.3 h × 12,345 (naive floats give 28,393)', 230, 12_345, 28_394], // 28,393.5
    ['0 h', 0, 12_345, 0],
    ['any hours at a zero rate', 250, 0, 0],
    ['100 h × 1,000,000.00 (the largest inputs)', 10_000, 100_000_000, 10_000_000_000],
  ])('%s', (_label, hundredths, rate, expected) => {
    expect(laborCents(hundredths, rate)).toBe(expected);
  });
});

describe('partsCents', () => {
  it('sums quantity × unit price', () => {
    expect(partsCents([])).toBe(0);
    expect(
      partsCents([
        { quantity: 5, unitPriceCents: 1_150 },
        { quantity: 1, unitPriceCents: 995 },
        { quantity: 1, unitPriceCents: 85 },
      ]),
    ).toBe(6_830);
  });

  it('stays exact for 50 lines of 1,000 parts at 1,000,000.00 each', () => {
    const lines = Array.from({ length: 50 }, () => ({ quantity: 1000, unitPriceCents: 100_000_000 }));
    expect(partsCents(lines)).toBe(5_000_000_000_000);
  });
});

describe('taxCents', () => {
  it.each([
    ['8.875 % of 100.00 (half up)', 10_000, 8875, 888], // 887.5
    ['8.875 % of 0.01', 1, 8875, 0], // 0.08875
    ['8.25 % of 195.31', 19_531, 8250, 1_611], // 1,611.3075
    ['10.25 % of 6.00 (naive floats give 61)', 600, 10_250, 62], // 61.5
    ['7.125 % of 4.00 (naive floats give 28)', 400, 7125, 29], // 28.5
    ['0 %', 123_456, 0, 0],
    ['100 %', 123_456, 100_000, 123_456],
  ])('%s', (_label, subtotal, thousandths, expected) => {
    expect(taxCents(subtotal, thousandths)).toBe(expected);
  });

  it('stays exact where subtotal × rate passes 2^53', () => {
    // 1,500,000,078,000 × 8,875 = 13,312,500,692,250,000 (> 2^53): ÷ 100,000 = 133,125,006,922.5
    expect(taxCents(1_500_000_078_000, 8875)).toBe(133_125_006_923);
    expect(taxCents(99_999_999_999_999, 8875)).toBe(8_875_000_000_000); // …999.91125
  });
});
