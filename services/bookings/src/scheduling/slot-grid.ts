import { DomainError, WEEKDAYS, type OpeningHours } from '@garage/shared';
import { instantOf, wallClockOf, weekdayOf } from './zoned-time.js';

/** When a branch is open on one calendar date, as instants (ms); null when it is closed that day. */
export interface OpenWindow {
  openAt: number;
  closeAt: number;
}

/** A live booking's hold on a technician and a bay, as instants (ms). */
export interface Hold {
  technicianId: string;
  /** null for a booking at another branch (a technician who moved keeps their old bookings). */
  bay: number | null;
  startsAt: number;
  endsAt: number;
}

export interface Slot {
  startsAt: number;
  endsAt: number;
  technicianIds: string[];
  bays: number[];
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** The latest instant a booking may start at when the branch takes bookings `horizonDays` days ahead. */
export function horizonEnd(now: number, horizonDays: number): number {
  return now + horizonDays * DAY;
}

/** NOT a calendar date (2026-02-30 passes the shape check but is no day): VALIDATION_FAILED. */
export function assertRealDate(date: string): void {
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date) {
    throw new DomainError('VALIDATION_FAILED', 'Invalid input', [{ field: 'date', message: 'no such calendar date' }]);
  }
}

/** The branch's opening hours on a date, read as wall-clock times in its zone (DST-aware). */
export function openWindow(hours: OpeningHours, zone: string, date: string): OpenWindow | null {
  const day = hours[WEEKDAYS[weekdayOf(date)]];
  if (!day) return null;
  const openAt = instantOf(date, minutesOf(day.open), zone);
  const closeAt = instantOf(date, minutesOf(day.close), zone);
  return closeAt > openAt ? { openAt, closeAt } : null;
}

/**
 * Start times on the grid: every `slotMinutes` of real time from opening, so a day with a DST change
 * has as many starts as it has hours (none missing in spring, none doubled in autumn); each one
 * after `now`, not after `until` (the branch's horizon) and ending by closing time.
 */
export function gridStarts(
  w: OpenWindow,
  slotMinutes: number,
  durationMinutes: number,
  now: number,
  until = Infinity,
): number[] {
  const starts: number[] = [];
  const step = slotMinutes * MINUTE;
  for (let t = w.openAt; t + durationMinutes * MINUTE <= w.closeAt && t <= until; t += step) {
    if (t > now) starts.push(t);
  }
  return starts;
}

/** The branch's window for the local date a start time falls on. */
export function windowAround(hours: OpeningHours, zone: string, startsAt: number): OpenWindow | null {
  return openWindow(hours, zone, wallClockOf(startsAt, zone).date);
}

/**
 * Why a start time cannot be booked (past, beyond the branch's horizon of `horizonDays` days,
 * outside hours, off the grid), or null if it is a bookable start.
 */
export function startProblem(
  w: OpenWindow | null,
  startsAt: number,
  slotMinutes: number,
  durationMinutes: number,
  now: number,
  horizonDays = Infinity,
): string | null {
  if (startsAt <= now) return 'must be in the future';
  if (startsAt > horizonEnd(now, horizonDays)) {
    return `must be at most ${horizonDays} days ahead: this branch takes bookings that far ahead only`;
  }
  if (!w || startsAt < w.openAt || startsAt + durationMinutes * MINUTE > w.closeAt) {
    return "the work must fit inside the branch's opening hours";
  }
  if ((startsAt - w.openAt) % (slotMinutes * MINUTE) !== 0) return `must be on the ${slotMinutes}-minute booking grid`;
  return null;
}

/** For each start: the technicians and bays no live booking holds during [start, start + duration). */
export function freeSlots(
  starts: number[],
  durationMinutes: number,
  technicianIds: string[],
  bays: number,
  holds: Hold[],
): Slot[] {
  return starts.flatMap((startsAt) => {
    const endsAt = startsAt + durationMinutes * MINUTE;
    const overlapping = holds.filter((h) => h.startsAt < endsAt && h.endsAt > startsAt);
    const busyTechnicians = new Set(overlapping.map((h) => h.technicianId));
    const busyBays = new Set(overlapping.map((h) => h.bay));
    const freeTechnicians = technicianIds.filter((id) => !busyTechnicians.has(id));
    const freeBays = Array.from({ length: bays }, (_, i) => i + 1).filter((b) => !busyBays.has(b));
    return freeTechnicians.length && freeBays.length
      ? [{ startsAt, endsAt, technicianIds: freeTechnicians, bays: freeBays }]
      : [];
  });
}

function minutesOf(clock: string): number {
  const [h, m] = clock.split(':').map(Number) as [number, number];
  return h * 60 + m;
}
