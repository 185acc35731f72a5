import { dateTimeFormat } from './format';
// The day board's arithmetic: wall-clock times in the branch's own zone, opening hours as rows,
// and bookings placed into technician or bay columns (side by side where they overlap).

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface Hours {
  open: string;
  close: string;
}
export type OpeningHours = Record<Weekday, Hours | null>;

/** "09:30" → 570. */
export function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** 570 → "09:30". */
export function fromMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** The weekday of a calendar date (YYYY-MM-DD). */
export function weekdayOf(date: string): Weekday {
  return WEEKDAYS[new Date(`${date}T12:00:00Z`).getUTCDay()]!;
}

/** The calendar date and the minutes since midnight of an instant on the wall clocks of a zone. */
export function wallClock(instant: Date | string, timeZone: string): { date: string; minutes: number } {
  const format = dateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const parts = Object.fromEntries(format.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    minutes: (Number(parts.hour) % 24) * 60 + Number(parts.minute),
  };
}

/** How far the zone's wall clock is ahead of UTC at an instant, in minutes. */
function offsetAt(ms: number, timeZone: string): number {
  const { date, minutes } = wallClock(new Date(ms), timeZone);
  const wallMs = Date.parse(`${date}T00:00:00Z`) + minutes * 60_000;
  return Math.round((wallMs - Math.floor(ms / 60_000) * 60_000) / 60_000);
}

/** The instant when the zone's wall clock shows `minutes` past midnight on `date`. */
export function zonedInstant(date: string, minutes: number, timeZone: string): Date {
  const wall = Date.parse(`${date}T00:00:00Z`) + minutes * 60_000;
  let ms = wall - offsetAt(wall, timeZone) * 60_000;
  const again = wall - offsetAt(ms, timeZone) * 60_000;
  if (again !== ms) ms = again;
  return new Date(ms);
}

/** The bookings query's window for a whole day in the branch's zone: [from, to). */
export function dayWindow(date: string, timeZone: string): { from: string; to: string } {
  const next = new Date(`${date}T12:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return {
    from: zonedInstant(date, 0, timeZone).toISOString(),
    to: zonedInstant(next.toISOString().slice(0, 10), 0, timeZone).toISOString(),
  };
}

export interface BoardBooking {
  id: string;
  startsAt: string;
  endsAt: string;
  technicianId: string;
  bay: number;
  status: string;
}

export interface BoardBlock<B extends BoardBooking> {
  booking: B;
  /** Minutes past midnight on the board's day (clipped to the day). */
  start: number;
  end: number;
  /** Side by side with overlapping bookings in the same column: lane `lane` of `lanes`. */
  lane: number;
  lanes: number;
}

export interface BoardColumn<B extends BoardBooking> {
  key: string;
  label: string;
  /** A technician no longer active (or unknown) who still has work on this day. */
  inactive: boolean;
  blocks: BoardBlock<B>[];
}

export interface BoardLayout<B extends BoardBooking> {
  /** The first and last minute shown (whole hours), covering the opening hours and every booking. */
  start: number;
  end: number;
  /** The start minute of each hour row. */
  hours: number[];
  /** The opening hours that day, or null when the branch is closed. */
  opening: { open: number; close: number } | null;
  columns: BoardColumn<B>[];
}

export interface BoardInput<B extends BoardBooking> {
  bookings: B[];
  date: string;
  timeZone: string;
  openingHours: Partial<OpeningHours>;
  by: 'technician' | 'bay';
  technicians: { id: string; name: string; active: boolean }[];
  bays: number;
}

/** Places one branch's bookings of one day into columns and hour rows, in the branch's zone. */
export function layoutDayBoard<B extends BoardBooking>(input: BoardInput<B>): BoardLayout<B> {
  const hours = input.openingHours[weekdayOf(input.date)] ?? null;
  const opening = hours ? { open: toMinutes(hours.open), close: toMinutes(hours.close) } : null;

  const placed = input.bookings.map((booking) => {
    const from = wallClock(booking.startsAt, input.timeZone);
    const to = wallClock(booking.endsAt, input.timeZone);
    const start = from.date < input.date ? 0 : from.minutes;
    const end = to.date > input.date ? 24 * 60 : to.minutes;
    return { booking, start, end: Math.max(end, start + 1) };
  });

  let first = opening?.open ?? 8 * 60;
  let last = opening?.close ?? 18 * 60;
  for (const p of placed) {
    first = Math.min(first, p.start);
    last = Math.max(last, p.end);
  }
  const start = Math.floor(first / 60) * 60;
  const end = Math.min(24 * 60, Math.ceil(last / 60) * 60);
  const hourRows: number[] = [];
  for (let m = start; m < end; m += 60) hourRows.push(m);

  const columns: { key: string; label: string; inactive: boolean; items: typeof placed }[] = [];
  if (input.by === 'technician') {
    const byId = new Map(input.technicians.map((t) => [t.id, t]));
    const active = input.technicians.filter((t) => t.active).sort((a, b) => a.name.localeCompare(b.name));
    for (const t of active) columns.push({ key: t.id, label: t.name, inactive: false, items: [] });
    for (const p of placed) {
      let column = columns.find((c) => c.key === p.booking.technicianId);
      if (!column) {
        const known = byId.get(p.booking.technicianId);
        column = {
          key: p.booking.technicianId,
          label: known ? `${known.name} (inactive)` : 'Unknown technician',
          inactive: true,
          items: [],
        };
        columns.push(column);
      }
      column.items.push(p);
    }
  } else {
    const count = Math.max(input.bays, ...placed.map((p) => p.booking.bay));
    for (let bay = 1; bay <= count; bay++)
      columns.push({ key: `bay-${bay}`, label: `Bay ${bay}`, inactive: bay > input.bays, items: [] });
    for (const p of placed) columns[p.booking.bay - 1]?.items.push(p);
  }

  return {
    start,
    end,
    hours: hourRows,
    opening,
    columns: columns.map((c) => ({ key: c.key, label: c.label, inactive: c.inactive, blocks: intoLanes(c.items) })),
  };
}

/** Overlapping bookings share the column side by side: greedy lanes, counted per overlapping group. */
function intoLanes<B extends BoardBooking>(items: { booking: B; start: number; end: number }[]): BoardBlock<B>[] {
  const sorted = [...items].sort(
    (a, b) => a.start - b.start || a.end - b.end || a.booking.id.localeCompare(b.booking.id),
  );
  const out: BoardBlock<B>[] = [];
  let group: BoardBlock<B>[] = [];
  let groupEnd = -1;
  let laneEnds: number[] = [];
  const closeGroup = () => {
    for (const block of group) block.lanes = laneEnds.length;
    group = [];
    laneEnds = [];
  };
  for (const item of sorted) {
    if (item.start >= groupEnd) closeGroup();
    let lane = laneEnds.findIndex((e) => e <= item.start);
    if (lane === -1) lane = laneEnds.push(item.end) - 1;
    else laneEnds[lane] = item.end;
    const block = { ...item, lane, lanes: 1 };
    group.push(block);
    out.push(block);
    groupEnd = Math.max(groupEnd, item.end);
  }
  closeGroup();
  return out;
}
