import { instantOf, offsetAt, wallClockOf, weekdayOf } from './zoned-time';

const iso = (ms: number) => new Date(ms).toISOString();

describe('wall-clock time in a branch time zone', () => {
  it('converts an ordinary day both ways', () => {
    expect(iso(instantOf('2026-01-15', 8 * 60, 'America/New_York'))).toBe('2026-01-15T13:00:00.000Z');
    expect(iso(instantOf('2026-07-15', 8 * 60, 'America/New_York'))).toBe('2026-07-15T12:00:00.000Z');
    expect(iso(instantOf('2026-07-15', 8 * 60, 'Europe/London'))).toBe('2026-07-15T07:00:00.000Z');
    expect(iso(instantOf('2026-07-15', 9 * 60 + 30, 'Asia/Kolkata'))).toBe('2026-07-15T04:00:00.000Z');
    expect(wallClockOf(Date.parse('2026-07-15T12:00:00Z'), 'America/New_York')).toEqual({
      date: '2026-07-15',
      minutes: 8 * 60,
    });
    expect(offsetAt(Date.parse('2026-01-15T12:00:00Z'), 'America/Chicago')).toBe(-6 * 3600_000);
  });

  it('24:00 is the next midnight', () => {
    expect(iso(instantOf('2026-01-15', 1440, 'Europe/London'))).toBe('2026-01-16T00:00:00.000Z');
  });

  it('spring forward: a skipped wall time moves forward by the gap, the hours around it are exact', () => {
    // London 2026-03-29: 01:00 GMT becomes 02:00 BST.
    expect(iso(instantOf('2026-03-29', 0, 'Europe/London'))).toBe('2026-03-29T00:00:00.000Z');
    expect(iso(instantOf('2026-03-29', 90, 'Europe/London'))).toBe('2026-03-29T01:30:00.000Z');
    expect(iso(instantOf('2026-03-29', 120, 'Europe/London'))).toBe('2026-03-29T01:00:00.000Z');
    expect(iso(instantOf('2026-03-29', 1440, 'Europe/London'))).toBe('2026-03-29T23:00:00.000Z');
    // New York 2026-03-08: 02:00 EST becomes 03:00 EDT.
    expect(iso(instantOf('2026-03-08', 150, 'America/New_York'))).toBe('2026-03-08T07:30:00.000Z');
    expect(iso(instantOf('2026-03-08', 180, 'America/New_York'))).toBe('2026-03-08T07:00:00.000Z');
    expect(iso(instantOf('2026-03-08', 8 * 60, 'America/New_York'))).toBe('2026-03-08T12:00:00.000Z');
  });

  it('fall back: a repeated wall time is its first occurrence; the day is 25 hours long', () => {
    // London 2026-10-25: 02:00 BST becomes 01:00 GMT.
    expect(iso(instantOf('2026-10-25', 90, 'Europe/London'))).toBe('2026-10-25T00:30:00.000Z');
    expect(instantOf('2026-10-25', 1440, 'Europe/London') - instantOf('2026-10-25', 0, 'Europe/London')).toBe(
      25 * 3600_000,
    );
    // New York 2026-11-01: 02:00 EDT becomes 01:00 EST.
    expect(iso(instantOf('2026-11-01', 90, 'America/New_York'))).toBe('2026-11-01T05:30:00.000Z');
    expect(iso(instantOf('2026-11-01', 8 * 60, 'America/New_York'))).toBe('2026-11-01T13:00:00.000Z');
    expect(instantOf('2026-11-01', 1440, 'America/New_York') - instantOf('2026-11-01', 0, 'America/New_York')).toBe(
      25 * 3600_000,
    );
  });

  it('knows the weekday of a date (Monday = 0)', () => {
    expect(weekdayOf('2026-11-30')).toBe(0);
    expect(weekdayOf('2026-11-29')).toBe(6);
  });
});
