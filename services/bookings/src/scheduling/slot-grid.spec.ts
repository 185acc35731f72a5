import { WEEKDAYS, type OpeningHours } from '@garage/shared';
import { gridStarts, horizonEnd, openWindow, startProblem } from './slot-grid';

const iso = (ms: number) => new Date(ms).toISOString();
const hoursEveryDay = (open: string, close: string) =>
  Object.fromEntries(WEEKDAYS.map((d) => [d, { open, close }])) as OpeningHours;

// A Tuesday, 08:30–12:00 in New York (UTC-4 in June): an opening time off the whole hour.
const DAY = '2026-06-16';
const window = openWindow(hoursEveryDay('08:30', '12:00'), 'America/New_York', DAY)!;
const at = (hhmm: string) => Date.parse(`${DAY}T${hhmm}:00-04:00`);

describe('the booking grid with a non-default SLOT_MINUTES', () => {
  it('15 minutes: a start every quarter hour from opening, the last one ending at closing', () => {
    const starts = gridStarts(window, 15, 60, 0);
    expect(starts).toHaveLength(11);
    expect(iso(starts[0])).toBe(iso(at('08:30')));
    expect(iso(starts[1])).toBe(iso(at('08:45')));
    expect(iso(starts[starts.length - 1])).toBe(iso(at('11:00')));
    // A quarter-hour job fits a start in every quarter the branch is open.
    expect(gridStarts(window, 15, 15, 0)).toHaveLength(14);
  });

  it('60 minutes: hourly from opening (08:30, 09:30, 10:30), never the whole hours', () => {
    expect(gridStarts(window, 60, 60, 0).map(iso)).toEqual([at('08:30'), at('09:30'), at('10:30')].map(iso));
    expect(gridStarts(window, 60, 120, 0).map(iso)).toEqual([at('08:30'), at('09:30')].map(iso));
  });

  it('only starts after now', () => {
    expect(gridStarts(window, 15, 60, at('09:00')).map(iso)[0]).toBe(iso(at('09:15')));
    expect(gridStarts(window, 60, 60, at('09:00')).map(iso)).toEqual([at('09:30'), at('10:30')].map(iso));
  });

  it('only starts up to the horizon; a later start is refused saying how far ahead the branch books', () => {
    const now = at('09:00') - 30 * 24 * 3600_000;
    expect(gridStarts(window, 60, 60, now, horizonEnd(now, 30)).map(iso)).toEqual([at('08:30')].map(iso));
    expect(gridStarts(window, 60, 60, now, horizonEnd(now, 29))).toEqual([]);
    expect(startProblem(window, at('08:30'), 60, 60, now, 30)).toBeNull();
    expect(startProblem(window, at('09:30'), 60, 60, now, 30)).toBe(
      'must be at most 30 days ahead: this branch takes bookings that far ahead only',
    );
  });

  it('a booking must start on the same grid', () => {
    expect(startProblem(window, at('08:45'), 15, 60, 0)).toBeNull();
    expect(startProblem(window, at('08:50'), 15, 60, 0)).toBe('must be on the 15-minute booking grid');
    expect(startProblem(window, at('09:30'), 60, 60, 0)).toBeNull();
    expect(startProblem(window, at('09:00'), 60, 60, 0)).toBe('must be on the 60-minute booking grid');
    expect(startProblem(window, at('11:15'), 15, 60, 0)).toBe("the work must fit inside the branch's opening hours");
  });

  it('15 minutes across spring forward in London: 92 quarter-hour starts in the 23-hour day, none doubled', () => {
    const london = openWindow(hoursEveryDay('00:00', '24:00'), 'Europe/London', '2027-03-28')!;
    const starts = gridStarts(london, 15, 15, 0);
    expect(starts).toHaveLength(92);
    expect(new Set(starts).size).toBe(92);
    expect(starts.every((t, i) => i === 0 || t - starts[i - 1] === 15 * 60_000)).toBe(true);
  });
});
