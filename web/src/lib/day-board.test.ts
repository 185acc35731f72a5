import { dayWindow, layoutDayBoard, wallClock, weekdayOf, zonedInstant, type OpeningHours } from './day-board';

const NINE_TO_FIVE = { open: '09:00', close: '17:00' };
const HOURS: OpeningHours = {
  monday: NINE_TO_FIVE,
  tuesday: NINE_TO_FIVE,
  wednesday: NINE_TO_FIVE,
  thursday: NINE_TO_FIVE,
  friday: NINE_TO_FIVE,
  saturday: { open: '10:00', close: '14:00' },
  sunday: null,
};
const TECHS = [
  { id: 't-b', name: 'Bea', active: true },
  { id: 't-a', name: 'Al', active: true },
  { id: 't-old', name: 'Old Timer', active: false },
];

let n = 0;
function booking(
  startsAt: string,
  endsAt: string,
  extra: Partial<{ technicianId: string; bay: number; status: string }> = {},
) {
  return { id: `b${++n}`, startsAt, endsAt, technicianId: 't-a', bay: 1, status: 'confirmed', ...extra };
}

describe('zones', () => {
  it('reads wall-clock dates and minutes in the branch zone', () => {
    // 1 July: London is on BST (UTC+1); New York on EDT (UTC-4).
    expect(wallClock('2030-07-01T08:30:00Z', 'Europe/London')).toEqual({ date: '2030-07-01', minutes: 9 * 60 + 30 });
    expect(wallClock('2030-07-01T02:00:00Z', 'America/New_York')).toEqual({ date: '2030-06-30', minutes: 22 * 60 });
  });

  it('finds the instant of a wall-clock time, across DST', () => {
    expect(zonedInstant('2030-07-01', 9 * 60, 'Europe/London').toISOString()).toBe('2030-07-01T08:00:00.000Z');
    expect(zonedInstant('2030-01-15', 9 * 60, 'Europe/London').toISOString()).toBe('2030-01-15T09:00:00.000Z');
    expect(zonedInstant('2030-01-15', 0, 'Asia/Tokyo').toISOString()).toBe('2030-01-14T15:00:00.000Z');
  });

  it('gives a whole local day as the query window, 23 hours on the spring-forward day', () => {
    expect(dayWindow('2030-07-01', 'America/New_York')).toEqual({
      from: '2030-07-01T04:00:00.000Z',
      to: '2030-07-02T04:00:00.000Z',
    });
    const spring = dayWindow('2030-03-31', 'Europe/London');
    expect(Date.parse(spring.to) - Date.parse(spring.from)).toBe(23 * 3_600_000);
  });

  it('knows the weekday of a date', () => {
    expect(weekdayOf('2030-07-01')).toBe('monday');
    expect(weekdayOf('2030-07-06')).toBe('saturday');
  });
});

describe('layoutDayBoard', () => {
  const base = { date: '2030-07-01', timeZone: 'Europe/London', openingHours: HOURS, technicians: TECHS, bays: 2 };

  it('gives a column per active technician by name, and the opening hours as hour rows', () => {
    const layout = layoutDayBoard({ ...base, by: 'technician', bookings: [] });
    expect(layout.columns.map((c) => c.label)).toEqual(['Al', 'Bea']);
    expect(layout.opening).toEqual({ open: 540, close: 1020 });
    expect(layout.hours).toEqual([540, 600, 660, 720, 780, 840, 900, 960]);
  });

  it("places a booking at its time in the branch's zone, in its technician's column", () => {
    const b = booking('2030-07-01T08:00:00Z', '2030-07-01T09:30:00Z', { technicianId: 't-b' });
    const layout = layoutDayBoard({ ...base, by: 'technician', bookings: [b] });
    const bea = layout.columns.find((c) => c.label === 'Bea')!;
    expect(bea.blocks).toEqual([{ booking: b, start: 540, end: 630, lane: 0, lanes: 1 }]);
    expect(layout.columns.find((c) => c.label === 'Al')!.blocks).toEqual([]);
  });

  it('puts bookings into bay columns in the bay view', () => {
    const one = booking('2030-07-01T08:00:00Z', '2030-07-01T09:00:00Z', { bay: 1 });
    const two = booking('2030-07-01T08:00:00Z', '2030-07-01T09:00:00Z', { bay: 2, technicianId: 't-b' });
    const layout = layoutDayBoard({ ...base, by: 'bay', bookings: [one, two] });
    expect(layout.columns.map((c) => [c.label, c.blocks.map((x) => x.booking.id)])).toEqual([
      ['Bay 1', [one.id]],
      ['Bay 2', [two.id]],
    ]);
  });

  it('sets overlapping bookings side by side and leaves the rest full width', () => {
    const a = booking('2030-07-01T08:00:00Z', '2030-07-01T10:00:00Z');
    const b = booking('2030-07-01T09:00:00Z', '2030-07-01T10:00:00Z', { status: 'cancelled' });
    const c = booking('2030-07-01T10:00:00Z', '2030-07-01T11:00:00Z');
    const layout = layoutDayBoard({ ...base, by: 'technician', bookings: [c, b, a] });
    const al = layout.columns.find((col) => col.label === 'Al')!;
    expect(al.blocks.map((x) => [x.booking.id, x.lane, x.lanes])).toEqual([
      [a.id, 0, 2],
      [b.id, 1, 2],
      [c.id, 0, 1],
    ]);
  });

  it('gives an inactive or unknown technician with work that day a column of their own', () => {
    const old = booking('2030-07-01T10:00:00Z', '2030-07-01T11:00:00Z', { technicianId: 't-old' });
    const ghost = booking('2030-07-01T12:00:00Z', '2030-07-01T13:00:00Z', { technicianId: 't-gone' });
    const layout = layoutDayBoard({ ...base, by: 'technician', bookings: [old, ghost] });
    expect(layout.columns.map((c) => [c.label, c.inactive])).toEqual([
      ['Al', false],
      ['Bea', false],
      ['Old Timer (inactive)', true],
      ['Unknown technician', true],
    ]);
  });

  it('stretches the rows to bookings outside the opening hours, and clips at midnight', () => {
    const early = booking('2030-07-01T06:15:00Z', '2030-07-01T07:00:00Z'); // 07:15 local
    const late = booking('2030-07-01T22:30:00Z', '2030-07-02T00:30:00Z'); // 23:30 → past midnight
    const layout = layoutDayBoard({ ...base, by: 'technician', bookings: [early, late] });
    expect(layout.start).toBe(7 * 60);
    expect(layout.end).toBe(24 * 60);
    const blocks = layout.columns.find((c) => c.label === 'Al')!.blocks;
    expect(blocks.map((x) => [x.start, x.end])).toEqual([
      [435, 480],
      [1410, 1440],
    ]);
  });

  it('shows a closed day as closed, with default rows', () => {
    const layout = layoutDayBoard({ ...base, date: '2030-07-07', by: 'bay', bookings: [] });
    expect(layout.opening).toBeNull();
    expect(layout.hours[0]).toBe(8 * 60);
  });
});
