/**
 * Wall-clock time in a branch's IANA time zone ↔ UTC instants, with the Intl API only. Opening
 * hours are wall-clock times; bookings are instants. Daylight-saving days are where this matters:
 * a wall time that does not exist (spring forward) moves forward by the gap, and one that exists
 * twice (fall back) means the earlier instant (Temporal's 'compatible' rule).
 */

const DAY_MS = 24 * 3600_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The zone's offset from UTC at an instant, in milliseconds (New York in winter: −5 h). */
export function offsetAt(instantMs: number, zone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(zone).formatToParts(new Date(instantMs))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return asUtc - Math.floor(instantMs / 1000) * 1000;
}

/** The wall-clock date and minutes since midnight of an instant in a zone. */
export function wallClockOf(instantMs: number, zone: string): { date: string; minutes: number } {
  const local = new Date(instantMs + offsetAt(instantMs, zone));
  return { date: local.toISOString().slice(0, 10), minutes: local.getUTCHours() * 60 + local.getUTCMinutes() };
}

/**
 * The instant a wall-clock time on a date happens in a zone. `minutes` may be 1440 (24:00, the
 * next midnight).
 */
export function instantOf(date: string, minutes: number, zone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d) + minutes * 60_000;
  // The true instant is within ±14 h of the wall time read as UTC; a day either side brackets any
  // transition near it (no zone changes its offset twice in two days).
  const before = offsetAt(wall - DAY_MS, zone);
  const after = offsetAt(wall + DAY_MS, zone);
  const first = wall - before;
  if (offsetAt(first, zone) === before) return first;
  const second = wall - after;
  if (offsetAt(second, zone) === after) return second;
  // In a spring-forward gap: moved forward by the gap's length (02:30 → 03:30), as Temporal's 'compatible'.
  return first;
}

/** Day of the week of a calendar date, Monday = 0 … Sunday = 6. */
export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

/** A calendar date plus n days (2026-12-31 + 1 → 2027-01-01). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
