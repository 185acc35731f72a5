import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { ensureDatabase } from '@garage/shared';
import { createBookingsDataSource } from '../src/data-source.js';
import { CreateBookingsSchema1765000000000 } from '../src/migrations/1765000000000-create-bookings-schema.js';
import { IndexDashboardCounts1765100000000 } from '../src/migrations/1765100000000-index-dashboard-counts.js';
import { VehicleMileageOptional1766000000000 } from '../src/migrations/1766000000000-vehicle-mileage-optional.js';
import { testEnv } from '../../../test/support/test-env.js';
import { freshVin } from './bookings-kit.js';

// The same-car constraint arrives on a database whose bookings may already overlap: the migration
// must neither fail nor cancel anything. Run on a database of its own, migrated to just before it.

const url = new URL(testEnv().DATABASE_URL);
url.pathname += `_carmig_${randomBytes(3).toString('hex')}`;
let db: pg.Pool;

beforeAll(async () => {
  await ensureDatabase(url.toString());
  const before = new DataSource({
    type: 'postgres',
    url: url.toString(),
    migrations: [
      CreateBookingsSchema1765000000000,
      IndexDashboardCounts1765100000000,
      VehicleMileageOptional1766000000000,
    ],
    migrationsTableName: 'bookings_migrations',
  });
  await before.initialize();
  await before.runMigrations();
  await before.destroy();
  db = new pg.Pool({ connectionString: url.toString(), max: 2 });
}, 30_000);

afterAll(async () => {
  await db?.end();
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${url.pathname.slice(1)}" WITH (FORCE)`);
  await client.end();
});

const HOUR = 3600_000;
const at = (hours: number) => new Date(Date.UTC(2030, 0, 7, 9) + hours * HOUR);

/** Set once every migration ran: later ones add columns an insert must then fill. */
let migrated = false;

async function insertBooking(car: string, technician: string, bay: number, from: number, to: number, status: string) {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO bookings.bookings (customer_id, vehicle_id, branch_id, branch_timezone, technician_id, bay,
       service_ids, starts_at, ends_at, status, quote, parts, created_at${migrated ? ', booked_by' : ''})
     VALUES ($1, $2, $3, 'UTC', $4, $5, '{}', $6, $7, $8, '{}', '[]', now() + make_interval(secs => $9)
       ${migrated ? ", 'customer'" : ''}) RETURNING id`,
    [randomUUID(), car, randomUUID(), technician, bay, at(from), at(to), status, bay],
  );
  return rows[0].id;
}

it('marks the later of overlapping live bookings, cancels none, and holds every booking made afterwards', async () => {
  const { rows: cars } = await db.query<{ id: string }>(
    `INSERT INTO bookings.vehicles (customer_id, vin, plate, make, model, year)
     VALUES ($1, $2, 'A 1', 'Ford', 'Focus', 2018), ($1, $3, 'B 2', 'Ford', 'Fiesta', 2019) RETURNING id`,
    [randomUUID(), freshVin(), freshVin()],
  );
  const { rows: techs } = await db.query<{ id: string }>(
    `INSERT INTO bookings.technicians (name, branch_id) SELECT 'Tech ' || n, gen_random_uuid() FROM generate_series(1, 6) n RETURNING id`,
  );
  const [car, otherCar] = cars.map((c) => c.id);
  // Made in this order (bay doubles as the creation order): the first holds 0-2 h, the second
  // overlaps it, the third overlaps only the second, the fourth is cancelled, the fifth is another car.
  const first = await insertBooking(car, techs[0].id, 1, 0, 2, 'confirmed');
  const second = await insertBooking(car, techs[1].id, 2, 1, 3, 'requested');
  const third = await insertBooking(car, techs[2].id, 3, 2.5, 4, 'requested');
  const cancelled = await insertBooking(car, techs[3].id, 4, 0, 4, 'cancelled');
  const other = await insertBooking(otherCar, techs[4].id, 5, 0, 2, 'requested');

  const after = createBookingsDataSource(url.toString(), 2);
  await after.initialize();
  try {
    await after.runMigrations();
    migrated = true;
  } finally {
    await after.destroy();
  }

  const { rows } = await db.query<{ id: string; status: string; grandfathered_car_overlap: boolean }>(
    `SELECT id, status, grandfathered_car_overlap FROM bookings.bookings`,
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  expect([first, second, third, cancelled, other].map((id) => byId.get(id))).toEqual([
    { id: first, status: 'confirmed', grandfathered_car_overlap: false },
    { id: second, status: 'requested', grandfathered_car_overlap: true },
    { id: third, status: 'requested', grandfathered_car_overlap: true },
    { id: cancelled, status: 'cancelled', grandfathered_car_overlap: false },
    { id: other, status: 'requested', grandfathered_car_overlap: false },
  ]);
  // A new booking of the car overlapping the one left in the constraint is refused by it.
  const clash = insertBooking(car, techs[5].id, 6, 1.5, 2.5, 'requested');
  await expect(clash).rejects.toMatchObject({ code: '23P01', constraint: 'bookings_vehicle_no_overlap' });
  expect(await insertBooking(car, techs[5].id, 6, 4, 5, 'requested')).toEqual(expect.any(String));
});
