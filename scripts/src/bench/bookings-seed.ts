/**
 * Fills `bookings.bookings` of the bench database straight with SQL (a few `INSERT … SELECT …
 * generate_series` statements) to a target size, for the bookings benchmark.
 *
 * - The busy branch (a real demo branch with its real technicians) gets a fixed share: every hourly
 *   slot of each technician inside its opening hours, going back from today (mostly completed, some
 *   cancelled / no-show), and the next FUTURE_DAYS days about 40 % booked (requested / confirmed), so
 *   the measured dates have both bookings and free slots. The share is the same in every phase.
 * - The rest goes to synthetic branches (deterministic uuids; the table does not reference the
 *   catalog), 3 synthetic technicians each, ROWS_PER_BRANCH rows per branch in hourly slots ending
 *   OTHER_FUTURE_DAYS days ahead, so a larger target only adds rows (mostly in the past).
 *
 * Every seeded row has `notes = SEED_NOTE`; `resetBookings` deletes those and the bookings earlier
 * bench loads created (`notes = CREATE_NOTE`, with their Idempotency-Keys), so each run starts from
 * the demo data. Synthetic technicians and vehicles stay (a few hundred rows, reused).
 */
import pg from 'pg';

export const SEED_NOTE = '[bench-seed]';
export const CREATE_NOTE = '[bench-create]';
/** Days ahead the busy branch has (partly) booked; the bench books new slots after them. */
export const FUTURE_DAYS = 60;
/** Days ahead the synthetic branches' slots reach (the anchor the bench passes). */
export const OTHER_FUTURE_DAYS = 30;
/** Rows per synthetic branch unless the caller says otherwise (`npm run bench:mixed` puts more at fewer branches). */
export const ROWS_PER_BRANCH = 5000;
const TECHS_PER_BRANCH = 3;
const SLOTS_PER_DAY = 10;
/** Rows per INSERT for the synthetic branches. */
const CHUNK = 250_000;

export interface BusyBranch {
  id: string;
  timezone: string;
  /** [open, close] minutes after midnight per ISO weekday 1–7 (index 0 = Monday); null = closed. */
  hours: ([number, number] | null)[];
  technicianIds: string[];
  serviceIds: string[];
  /** A quote from the cost calculator, stored in every seeded row (it is only read back, never priced). */
  quote: unknown;
}

export interface SeedResult {
  targetRows: number;
  rows: number;
  busyBranchRows: number;
  /** Of those, seeded ones (the share, less any slot a demo booking already held). */
  busySeededRows: number;
  insertedRows: number;
  seconds: number;
  /** VACUUM ANALYZE after the inserts. */
  vacuumSeconds: number;
}

const seedId = (kind: string) => `md5('${SEED_NOTE}:${kind}:' || b)::uuid`;
/** A seeded car: one per technician `t` of branch `b`. */
const vehicleId = `md5('${SEED_NOTE}:vehicle:' || b || ':' || t)::uuid`;

async function count(db: pg.Client, where = 'true', params: unknown[] = []): Promise<number> {
  const { rows } = await db.query<{ n: string }>(`SELECT count(*) AS n FROM bookings.bookings WHERE ${where}`, params);
  return Number(rows[0].n);
}

/** Deletes the seeded rows and earlier bench-created bookings (keys first); VACUUM if it removed any. */
export async function resetBookings(url: string): Promise<{ deleted: number; seconds: number }> {
  const started = Date.now();
  const db = new pg.Client({ connectionString: url, application_name: 'garage-bench-seed' });
  await db.connect();
  try {
    await db.query(
      `DELETE FROM bookings.idempotency_keys k USING bookings.bookings b
       WHERE k.booking_id = b.id AND b.notes = $1`,
      [CREATE_NOTE],
    );
    const { rowCount } = await db.query(`DELETE FROM bookings.bookings WHERE notes = ANY($1::text[])`, [
      [SEED_NOTE, CREATE_NOTE],
    ]);
    if (rowCount) await db.query(`VACUUM ANALYZE bookings.bookings`);
    return { deleted: rowCount ?? 0, seconds: (Date.now() - started) / 1000 };
  } finally {
    await db.end();
  }
}

/** The busy branch's share: hourly slots per technician, newest first (future ones ~40 %), `share` of them. */
async function seedBusyBranch(db: pg.Client, busy: BusyBranch, share: number): Promise<number> {
  const existing = await count(db, 'branch_id = $1 AND notes = $2', [busy.id, SEED_NOTE]);
  if (existing >= share) return 0;
  // A car per technician: one car is never booked twice at the same time (bookings_vehicle_no_overlap).
  await db.query(
    `INSERT INTO bookings.vehicles (id, customer_id, vin, plate, make, model, year, mileage)
     SELECT ${vehicleId}, ${seedId('customer')}, upper(substr(md5('${SEED_NOTE}:vin:' || b || ':' || t), 1, 17)),
       'BENCH BUSY ' || t, 'Bench', 'Seed', 2020, 0
     FROM (SELECT 'busy' AS b) s, generate_series(1, $1) AS t ON CONFLICT DO NOTHING`,
    [busy.technicianIds.length],
  );
  const opens = busy.hours.map((h) => h?.[0] ?? null);
  const closes = busy.hours.map((h) => h?.[1] ?? null);
  const { rowCount } = await db.query(
    `WITH today AS (SELECT (now() AT TIME ZONE $2)::date AS d),
     days AS (
       SELECT today.d + k AS day, ($9::int[])[extract(isodow FROM today.d + k)::int] AS open,
         ($10::int[])[extract(isodow FROM today.d + k)::int] AS close
       FROM today, generate_series(-3000, ${FUTURE_DAYS}) AS k
     ),
     slots AS (
       SELECT days.day, h, tech, t, (days.day + make_interval(mins => days.open + 60 * h)) AT TIME ZONE $2 AS starts_at
       FROM days, today, generate_series(0, 23) AS h, unnest($3::uuid[]) WITH ORDINALITY AS u(tech, ord), LATERAL (SELECT ord::int AS t) o
       WHERE days.open IS NOT NULL AND days.open + 60 * h + 60 <= days.close AND days.day <> today.d
         AND (days.day < today.d OR (h + 2 * t + (days.day - date '2000-01-01')) % 5 < 2)
     )
     INSERT INTO bookings.bookings (customer_id, vehicle_id, branch_id, branch_timezone, technician_id, bay,
       service_ids, starts_at, ends_at, status, parts_status, quote, parts, notes, booked_by)
     SELECT v.customer_id, v.id, $1, $2, s.tech, s.t, $4::uuid[], s.starts_at, s.starts_at + interval '1 hour',
       CASE WHEN s.starts_at > now() THEN (CASE WHEN (s.h + s.t) % 3 = 0 THEN 'confirmed' ELSE 'requested' END)
            WHEN (s.h + s.t + (s.day - date '2000-01-01')) % 20 = 0 THEN 'no_show'
            WHEN (s.h + s.t + (s.day - date '2000-01-01')) % 10 = 3 THEN 'cancelled' ELSE 'completed' END,
       CASE WHEN s.starts_at > now() THEN 'reserved' ELSE 'consumed' END, $5::jsonb, '[]', $6, 'staff'
     FROM (SELECT * FROM slots ORDER BY starts_at DESC LIMIT $7) s
       JOIN bookings.vehicles v ON v.id = md5('${SEED_NOTE}:vehicle:' || $8 || ':' || s.t)::uuid
     ON CONFLICT DO NOTHING`,
    [
      busy.id,
      busy.timezone,
      busy.technicianIds,
      busy.serviceIds,
      JSON.stringify(busy.quote),
      SEED_NOTE,
      share - existing,
      'busy',
      opens,
      closes,
    ],
  );
  return rowCount ?? 0;
}

/** Synthetic branches' technicians and vehicles (one car per technician), for rows up to `upTo`. */
async function ensureSyntheticFleet(db: pg.Client, upTo: number, rowsPerBranch: number): Promise<void> {
  const branches = Math.ceil(upTo / rowsPerBranch);
  await db.query(
    `INSERT INTO bookings.technicians (id, name, branch_id)
     SELECT md5('${SEED_NOTE}:tech:' || b || ':' || t)::uuid, '${SEED_NOTE} technician ' || b || '.' || t, ${seedId('branch')}
     FROM generate_series(0, $1 - 1) AS b, generate_series(0, ${TECHS_PER_BRANCH - 1}) AS t ON CONFLICT DO NOTHING`,
    [branches],
  );
  await db.query(
    `INSERT INTO bookings.vehicles (id, customer_id, vin, plate, make, model, year, mileage)
     SELECT ${vehicleId}, ${seedId('customer')}, upper(substr(md5('${SEED_NOTE}:vin:' || b || ':' || t), 1, 17)),
       'BENCH ' || b || '.' || t, 'Bench', 'Seed', 2020, 0
     FROM generate_series(0, $1 - 1) AS b, generate_series(0, ${TECHS_PER_BRANCH - 1}) AS t ON CONFLICT DO NOTHING`,
    [branches],
  );
}

/**
 * Synthetic rows number `from` to `to - 1`: row i is at branch i / rowsPerBranch, technician
 * i % 3 (bay the same), SLOTS_PER_DAY hourly slots a day from 08:00 UTC, going back from `anchor`.
 */
async function seedSynthetic(
  db: pg.Client,
  from: number,
  to: number,
  anchor: string,
  busy: BusyBranch,
  rowsPerBranch: number,
) {
  const perDay = TECHS_PER_BRANCH * SLOTS_PER_DAY;
  for (let start = from; start < to; start += CHUNK) {
    const end = Math.min(to, start + CHUNK);
    await db.query(
      `INSERT INTO bookings.bookings (customer_id, vehicle_id, branch_id, branch_timezone, technician_id, bay,
         service_ids, starts_at, ends_at, status, parts_status, quote, parts, notes, booked_by)
       SELECT ${seedId('customer')}, ${vehicleId}, ${seedId('branch')}, 'UTC',
         md5('${SEED_NOTE}:tech:' || b || ':' || t)::uuid, t + 1, $3::uuid[], starts_at, starts_at + interval '1 hour',
         CASE WHEN starts_at > now() THEN (CASE WHEN i % 3 = 0 THEN 'confirmed' ELSE 'requested' END)
              WHEN i % 20 = 0 THEN 'no_show' WHEN i % 10 = 3 THEN 'cancelled' ELSE 'completed' END,
         CASE WHEN starts_at > now() THEN 'reserved' WHEN i % 10 IN (0, 3) THEN 'released' ELSE 'consumed' END,
         $4::jsonb, '[]', $5, 'staff'
       FROM (
         SELECT i, i / ${rowsPerBranch} AS b, (i % ${rowsPerBranch}) % ${TECHS_PER_BRANCH} AS t,
           $6::date - ((i % ${rowsPerBranch}) / ${perDay})
             + make_interval(hours => 8 + ((i % ${rowsPerBranch}) / ${TECHS_PER_BRANCH}) % ${SLOTS_PER_DAY}) AS local
         FROM generate_series($1::int, $2::int - 1) AS i
       ) r, LATERAL (SELECT r.local AT TIME ZONE 'UTC' AS starts_at) s`,
      [start, end, busy.serviceIds, JSON.stringify(busy.quote), SEED_NOTE, anchor],
    );
    process.stdout.write(
      `  … ${(end - from).toLocaleString('en-US')} of ${(to - from).toLocaleString('en-US')} rows\n`,
    );
  }
}

/**
 * Brings the table to `target` rows: the busy branch's share first (once), then synthetic rows.
 * `anchor` (YYYY-MM-DD) places the synthetic slots; keep it the same for every phase of a run.
 */
export async function seedBookings(
  url: string,
  target: number,
  busy: BusyBranch,
  busyShare: number,
  anchor: string,
  /** Keep it the same for every run on one database: it decides where row i goes. */
  rowsPerBranch = ROWS_PER_BRANCH,
): Promise<SeedResult> {
  const started = Date.now();
  const db = new pg.Client({ connectionString: url, application_name: 'garage-bench-seed' });
  await db.connect();
  try {
    let inserted = await seedBusyBranch(db, busy, busyShare);
    const synthetic = await count(db, 'notes = $1 AND branch_id <> $2', [SEED_NOTE, busy.id]);
    const missing = target - (await count(db));
    if (missing > 0) {
      await ensureSyntheticFleet(db, synthetic + missing, rowsPerBranch);
      await seedSynthetic(db, synthetic, synthetic + missing, anchor, busy, rowsPerBranch);
      inserted += missing;
    }
    const seconds = (Date.now() - started) / 1000;
    const vacuumStarted = Date.now();
    // Also what autovacuum would do after so many inserts, so it does not start during the load.
    await db.query(`VACUUM ANALYZE bookings.bookings`);
    return {
      targetRows: target,
      rows: await count(db),
      busyBranchRows: await count(db, 'branch_id = $1', [busy.id]),
      busySeededRows: await count(db, 'branch_id = $1 AND notes = $2', [busy.id, SEED_NOTE]),
      insertedRows: inserted,
      seconds,
      vacuumSeconds: (Date.now() - vacuumStarted) / 1000,
    };
  } finally {
    await db.end();
  }
}
