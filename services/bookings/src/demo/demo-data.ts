import { randomUUID } from 'node:crypto';
import {
  appendEvent,
  type BookingStatus,
  type Branch,
  catalog,
  DEMO_BRANCH_IDS,
  DEMO_CUSTOMER_ID,
  type Quote,
  RpcClient,
  type ServiceInfrastructure,
  Sql,
  Transactions,
} from '@garage/shared';
import type { BookingsConfig } from '../config.js';
import { openWindow } from '../scheduling/slot-grid.js';
import { createdEventOf, endedEventOf } from '../bookings/booking-events.js';
import { BookingsRepository } from '../bookings/bookings.repository.js';
import { ServiceRecordsRepository } from '../records/service-records.repository.js';
import { DEMO_TECHNICIANS, DEMO_VEHICLES, loadDemoFleet } from './demo-fleet.js';
import { PARTS_AFTER } from '../bookings/booking-workflow.service.js';

const DAY = 24 * 3600_000;
/** Per branch: which open day (0 = today or the next open day, -1 = the last one before), hour after opening, status. */
const PLAN: Array<{ day: number; hour: number; status: BookingStatus }> = [
  { day: -1, hour: 1, status: 'completed' },
  { day: 0, hour: 0, status: 'confirmed' },
  { day: 0, hour: 2, status: 'requested' },
  { day: 1, hour: 1, status: 'requested' },
  { day: 1, hour: 3, status: 'cancelled' },
  { day: 2, hour: 0, status: 'confirmed' },
];

/**
 * Demo technicians, vehicles and (once) bookings spread over the coming days in several states.
 * Bookings need quotes, so the catalog is asked over NATS; if it does not answer, the rest loads
 * and the bookings are skipped with one warning.
 */
export async function loadDemoBookings(infra: ServiceInfrastructure<BookingsConfig>): Promise<string[]> {
  const { db, nc, config, log } = infra;
  const sql = new Sql(db);
  const added = await loadDemoFleet(sql);
  const booked = await sql.one<{ n: number }>(
    `SELECT count(*)::int AS n FROM bookings.bookings WHERE customer_id = $1`,
    [DEMO_CUSTOMER_ID],
  );
  if (booked!.n > 0) return added;
  const rpc = new RpcClient(nc, config.NATS_PREFIX, config.RPC_TIMEOUT_MS);
  try {
    const services = await rpc.request(catalog.listServices, { principal: null, payload: { limit: 10 } });
    const serviceIds = services.items.filter((s) => s.durationMinutes <= 90).map((s) => s.id);
    let made = 0;
    for (const [b, branchId] of Object.values(DEMO_BRANCH_IDS).entries()) {
      const branch = await rpc.request(catalog.getBranch, { principal: null, payload: { id: branchId } });
      for (const [i, step] of PLAN.entries()) {
        const ids = [serviceIds[(b + i) % serviceIds.length]];
        const quote = await rpc.request(catalog.quote, { principal: null, payload: { branchId, serviceIds: ids } });
        if (await insertDemo(infra, sql, branch, b, step, i, ids, quote)) made++;
      }
    }
    if (made) added.push(`${made} demo bookings`);
  } catch (err) {
    log.warn({ err }, 'catalog did not answer: demo bookings skipped');
  } finally {
    rpc.close();
  }
  return added;
}

async function insertDemo(
  infra: ServiceInfrastructure<BookingsConfig>,
  sql: Sql,
  branch: Branch,
  branchIndex: number,
  step: (typeof PLAN)[number],
  index: number,
  serviceIds: string[],
  quote: Quote,
): Promise<boolean> {
  const openAt = openDay(branch, step.day);
  if (openAt === null) return false;
  const technicians = DEMO_TECHNICIANS.filter((t) => t.branchId === branch.id);
  const startsAt = openAt + step.hour * 3600_000;
  const bookings = new BookingsRepository(sql);
  const records = new ServiceRecordsRepository(sql);
  try {
    await new Transactions(infra.db).run(async (tx) => {
      const created = await bookings.insert(tx, {
        id: randomUUID(),
        customerId: DEMO_CUSTOMER_ID,
        // One car per branch: a car is never booked at two branches at once (bookings_vehicle_no_overlap).
        vehicleId: DEMO_VEHICLES[branchIndex % DEMO_VEHICLES.length].id,
        branchId: branch.id,
        branchTimezone: branch.timezone,
        technicianId: technicians[index % technicians.length].id,
        bay: (index % branch.bays) + 1,
        serviceIds,
        startsAt: new Date(startsAt),
        endsAt: new Date(startsAt + quote.durationMinutes * 60_000),
        quote: quote.estimate,
        parts: quote.parts,
        notes: 'Demo booking',
        status: step.status,
        // As if made at the desk: the demo customer's own cap stays free for trying the portal.
        bookedBy: 'staff',
      });
      await appendEvent(tx, 'booking.created', createdEventOf(created));
      const ended = endedEventOf(created);
      if (ended) await appendEvent(tx, ended.type, ended.data);
      // As the workflow leaves them: a finished booking's parts are used or given back, not "pending".
      const settled = PARTS_AFTER[step.status];
      if (settled) {
        await tx.rows(`UPDATE bookings.bookings SET parts_status = $2 WHERE id = $1`, [created.id, settled]);
      }
      if (step.status === 'completed') await records.insertFor(tx, created, null);
    });
    return true;
  } catch (err) {
    // A slot a test or person already took: the demo simply has one booking fewer.
    infra.log.debug({ err }, 'demo booking skipped');
    return false;
  }
}

/** Opening instant of the branch's n-th open day from today (n = -1: the last open day before today). */
function openDay(branch: Branch, n: number): number | null {
  const days = Array.from({ length: 14 }, (_, i) => (n < 0 ? -1 - i : i));
  const open = days.flatMap((d) => {
    const w = openWindow(
      branch.openingHours,
      branch.timezone,
      new Date(Date.now() + d * DAY).toISOString().slice(0, 10),
    );
    return w ? [w.openAt] : [];
  });
  return open[n < 0 ? 0 : n] ?? null;
}
