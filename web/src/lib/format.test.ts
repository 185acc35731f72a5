import {
  addDays,
  formatDateTimeSeconds,
  formatMoney,
  formatTime,
  localTimeZone,
  todayIn,
  zoneAbbreviation,
  zoneLabel,
} from './format';

describe('times in the branch zone', () => {
  const instant = '2026-07-01T13:30:00Z';

  it('shows the same instant in each branch zone', () => {
    expect(formatTime(instant, 'Europe/London')).toMatch(/14:30|2:30/);
    expect(formatTime(instant, 'America/New_York')).toMatch(/09:30|9:30/);
  });

  it('labels the zone with its name at that date (summer and winter)', () => {
    expect(zoneLabel('Europe/London', new Date(instant))).toBe('London time (GMT+1)');
    expect(zoneLabel('Europe/London', new Date('2026-01-10T12:00:00Z'))).toBe('London time (GMT)');
    expect(zoneAbbreviation('America/New_York', new Date(instant))).toBe('EDT');
    expect(zoneLabel('America/Los_Angeles', new Date(instant))).toBe('Los Angeles time (PDT)');
  });

  it("gives the branch's today, not the browser's", () => {
    const lateUtc = new Date('2026-03-10T23:30:00Z');
    expect(todayIn('Europe/London', lateUtc)).toBe('2026-03-10');
    expect(todayIn('Asia/Tokyo', lateUtc)).toBe('2026-03-11');
    expect(todayIn('America/New_York', new Date('2026-03-11T02:00:00Z'))).toBe('2026-03-10');
  });

  it('gives a moment to the second, and knows the browser zone', () => {
    expect(formatDateTimeSeconds('2026-07-01T13:30:05Z', 'Europe/London')).toMatch(/2026.*14:30:05|2026.*2:30:05/);
    expect(formatDateTimeSeconds('2026-07-01T13:30:05Z', 'Asia/Tokyo')).toMatch(/22:30:05|10:30:05/);
    expect(localTimeZone()).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

describe('money', () => {
  it('formats minor units in the currency', () => {
    expect(formatMoney(12345, 'USD')).toMatch(/123\.45/);
    expect(formatMoney(12345, 'USD')).toMatch(/\$/);
    expect(formatMoney(5, 'EUR')).toMatch(/0[.,]05/);
    expect(formatMoney(0, 'GBP')).toMatch(/£0\.00/);
  });
});
