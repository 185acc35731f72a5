import type { DataSource } from 'typeorm';
import { DEMO_BRANCH_IDS, Sql, type OpeningHours } from '@garage/shared';

const WEEKDAY_8_TO_6 = { open: '08:00', close: '18:00' };
const usual = (saturday: { open: string; close: string } | null): OpeningHours => ({
  monday: WEEKDAY_8_TO_6,
  tuesday: WEEKDAY_8_TO_6,
  wednesday: WEEKDAY_8_TO_6,
  thursday: WEEKDAY_8_TO_6,
  friday: WEEKDAY_8_TO_6,
  saturday,
  sunday: null,
});

/** A small chain across two time zones that a person can click through. */
export const DEMO_BRANCHES = [
  {
    id: DEMO_BRANCH_IDS.downtown,
    name: 'Downtown Garage',
    address: '120 Main Street, Springfield, IL 62701',
    timezone: 'America/Chicago',
    openingHours: usual({ open: '09:00', close: '14:00' }),
    bays: 6,
    laborRateCents: 12_000,
    taxRatePercent: 8.25,
  },
  {
    id: DEMO_BRANCH_IDS.northside,
    name: 'Northside Auto Care',
    address: '4410 N Western Ave, Chicago, IL 60625',
    timezone: 'America/Chicago',
    openingHours: { ...usual(null), thursday: { open: '08:00', close: '20:00' } },
    bays: 4,
    laborRateCents: 11_000,
    taxRatePercent: 10.25,
  },
  {
    id: DEMO_BRANCH_IDS.harbor,
    name: 'Harbor Service Center',
    address: '88 Harbor Road, Brooklyn, NY 11231',
    timezone: 'America/New_York',
    openingHours: usual({ open: '08:00', close: '13:00' }),
    bays: 8,
    laborRateCents: 14_500,
    taxRatePercent: 8.875,
  },
];

/** Loads the demo branches if missing (idempotent: by id, or by name if one was renamed in). Returns what it added. */
export async function loadDemoBranches(db: DataSource): Promise<string[]> {
  const sql = new Sql(db);
  const added: string[] = [];
  for (const b of DEMO_BRANCHES) {
    const rows = await sql.rows(
      `INSERT INTO catalog.branches (id, name, address, timezone, opening_hours, bays, labor_rate_cents, tax_rate_percent)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING id`,
      [b.id, b.name, b.address, b.timezone, JSON.stringify(b.openingHours), b.bays, b.laborRateCents, b.taxRatePercent],
    );
    if (rows.length) added.push(`branch ${b.name}`);
  }
  return added;
}
