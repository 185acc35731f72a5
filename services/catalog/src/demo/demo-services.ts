import { Sql } from '@garage/shared';
import type { DataSource } from 'typeorm';

interface DemoService {
  code: string;
  name: string;
  description: string;
  category: string;
  durationMinutes: number;
  laborHours: number;
  parts: Array<{ partSku: string; quantity: number }>;
  active?: boolean;
}

const part = (partSku: string, quantity = 1) => ({ partSku, quantity });

/** What a small chain sells, built only from DEMO_PARTS (inventory's demo stock); one withdrawn. */
export const DEMO_SERVICES: DemoService[] = [
  {
    code: 'OIL-FILTER',
    name: 'Oil and filter change',
    description: '5 l of semi-synthetic 10W-40, a new oil filter and drain plug washer, levels topped up.',
    category: 'Maintenance',
    durationMinutes: 45,
    laborHours: 0.5,
    parts: [part('OIL-10W40-1L', 5), part('FLT-OIL-STD'), part('PLUG-DRAIN-WASHER')],
  },
  {
    code: 'OIL-SYNTHETIC',
    name: 'Synthetic oil change',
    description: '5 l of fully synthetic 5W-30, a new oil filter and drain plug washer.',
    category: 'Maintenance',
    durationMinutes: 45,
    laborHours: 0.5,
    parts: [part('OIL-5W30-1L', 5), part('FLT-OIL-STD'), part('PLUG-DRAIN-WASHER')],
  },
  {
    code: 'FILTERS-AIR-CABIN',
    name: 'Air and cabin filter replacement',
    description: 'New engine air filter and activated-carbon cabin filter.',
    category: 'Maintenance',
    durationMinutes: 30,
    laborHours: 0.3,
    parts: [part('FLT-AIR-STD'), part('FLT-CABIN')],
  },
  {
    code: 'COOLANT-FLUSH',
    name: 'Coolant flush',
    description: 'Drain, flush and refill the cooling system with G12 coolant; pressure test.',
    category: 'Maintenance',
    durationMinutes: 60,
    laborHours: 0.8,
    parts: [part('COOLANT-G12-1L', 6)],
  },
  {
    code: 'BRAKE-PADS-FRONT',
    name: 'Brake pads, front',
    description: 'Replace the front brake pads, clean and check the calipers and discs.',
    category: 'Brakes',
    durationMinutes: 90,
    laborHours: 1.2,
    parts: [part('BRK-PAD-FRONT'), part('BRK-CLEANER')],
  },
  {
    code: 'BRAKE-PADS-REAR',
    name: 'Brake pads, rear',
    description: 'Replace the rear brake pads, clean and check the calipers and discs.',
    category: 'Brakes',
    durationMinutes: 90,
    laborHours: 1.3,
    parts: [part('BRK-PAD-REAR'), part('BRK-CLEANER')],
  },
  {
    code: 'BRAKE-DISCS-PADS-FRONT',
    name: 'Brake discs and pads, front',
    description: 'Two new front discs and a front pad set, hubs cleaned, test drive.',
    category: 'Brakes',
    durationMinutes: 150,
    laborHours: 2,
    parts: [part('BRK-DISC-FRONT', 2), part('BRK-PAD-FRONT'), part('BRK-CLEANER')],
  },
  {
    code: 'BRAKE-FLUID-FLUSH',
    name: 'Brake fluid flush',
    description: 'Replace the brake fluid with DOT 4 and bleed every wheel.',
    category: 'Brakes',
    durationMinutes: 60,
    laborHours: 0.8,
    parts: [part('BRK-FLUID-DOT4')],
  },
  {
    code: 'TYRE-ROTATE-BALANCE',
    name: 'Tyre rotation and balance',
    description: 'Rotate all four wheels, balance them and set the pressures.',
    category: 'Tyres and wheels',
    durationMinutes: 45,
    laborHours: 0.75,
    parts: [part('TYRE-WEIGHT-SET')],
  },
  {
    code: 'PUNCTURE-REPAIR',
    name: 'Puncture repair',
    description: 'Plug-and-patch repair from inside the tyre, new valve, rebalance.',
    category: 'Tyres and wheels',
    durationMinutes: 30,
    laborHours: 0.5,
    parts: [part('TYRE-PATCH'), part('TYRE-VALVE')],
  },
  {
    code: 'WHEEL-ALIGNMENT',
    name: 'Wheel alignment',
    description: 'Four-wheel laser alignment of toe and camber, with a printout.',
    category: 'Tyres and wheels',
    durationMinutes: 60,
    laborHours: 1,
    parts: [],
  },
  {
    code: 'STATE-INSPECTION',
    name: 'Annual state safety inspection',
    description: 'The yearly safety inspection: brakes, lights, steering, tyres, emissions; sealed report.',
    category: 'Inspection',
    durationMinutes: 60,
    laborHours: 1,
    parts: [part('DIAG-SEAL')],
  },
  {
    code: 'DIAGNOSTICS',
    name: 'Diagnostics',
    description: 'Read and interpret fault codes, live data and a road test to find the cause.',
    category: 'Diagnostics',
    durationMinutes: 60,
    laborHours: 1,
    parts: [],
  },
  {
    code: 'BATTERY',
    name: 'Battery replacement',
    description: 'Test the charging system, fit a 60 Ah battery and new terminals.',
    category: 'Electrical',
    durationMinutes: 30,
    laborHours: 0.4,
    parts: [part('BAT-12V-60AH'), part('BAT-TERMINAL-KIT')],
  },
  {
    code: 'BATTERY-START-STOP',
    name: 'Start-stop battery replacement',
    description: 'Fit a 70 Ah AGM battery and register it with the car so start-stop charges it right.',
    category: 'Electrical',
    durationMinutes: 45,
    laborHours: 0.7,
    parts: [part('BAT-12V-70AH-AGM'), part('BAT-TERMINAL-KIT')],
  },
  {
    code: 'AC-SERVICE',
    name: 'Air-con service',
    description: 'Recover, vacuum and recharge the system with up to 500 g of R-1234yf; check the vent temperature.',
    category: 'Air conditioning',
    durationMinutes: 60,
    laborHours: 1,
    parts: [part('AC-REFRIG-R1234YF', 5)],
  },
  {
    code: 'AC-LEAK-TEST',
    name: 'Air-con leak test',
    description: 'UV dye and a partial R-134a charge to find a leak, new O-rings where they seep.',
    category: 'Air conditioning',
    durationMinutes: 45,
    laborHours: 0.75,
    parts: [part('AC-DYE'), part('AC-REFRIG-R134A', 2), part('AC-ORING-KIT')],
  },
  {
    code: 'TIMING-BELT-WATER-PUMP',
    name: 'Timing belt and water pump',
    description: 'Timing belt kit with tensioner, a new water pump and fresh coolant.',
    category: 'Engine',
    durationMinutes: 300,
    laborHours: 4.5,
    parts: [part('TB-KIT'), part('TB-WATER-PUMP'), part('COOLANT-G12-1L', 5)],
  },
  {
    code: 'SPARK-PLUGS',
    name: 'Spark plugs (4 cylinders)',
    description: 'Four iridium spark plugs, gaps checked, coils inspected.',
    category: 'Engine',
    durationMinutes: 60,
    laborHours: 0.9,
    parts: [part('SPARK-PLUG-IRID', 4)],
  },
  {
    code: 'TRANSMISSION-FLUID',
    name: 'Transmission fluid service',
    description: 'Drain and refill the automatic transmission with 6 l of ATF.',
    category: 'Transmission',
    durationMinutes: 90,
    laborHours: 1.2,
    parts: [part('TRANS-FLUID-ATF-1L', 6)],
  },
  {
    code: 'SHOCKS-FRONT',
    name: 'Shock absorbers, front',
    description: 'Replace both front shock absorbers; alignment checked afterwards.',
    category: 'Suspension',
    durationMinutes: 180,
    laborHours: 2.5,
    parts: [part('SHOCK-FRONT', 2)],
  },
  {
    code: 'WIPER-BLADES',
    name: 'Wiper blades',
    description: 'A new pair of front wiper blades and a screen wash top-up.',
    category: 'Lights and wipers',
    durationMinutes: 15,
    laborHours: 0.2,
    parts: [part('WIPER-BLADE-600'), part('WIPER-BLADE-450'), part('WASHER-FLUID-5L')],
  },
  {
    code: 'HEADLIGHT-BULB',
    name: 'Headlight bulb',
    description: 'Replace one H7 headlight bulb and check the beam alignment.',
    category: 'Lights and wipers',
    durationMinutes: 15,
    laborHours: 0.25,
    parts: [part('BULB-H7')],
  },
  {
    code: 'FUEL-FILTER',
    name: 'Fuel filter replacement',
    description: 'Withdrawn: now part of the diesel service package.',
    category: 'Maintenance',
    durationMinutes: 45,
    laborHours: 0.6,
    parts: [part('FLT-FUEL')],
    active: false,
  },
];

/** Loads the demo services if missing (idempotent, by code). Returns what it added. */
export async function loadDemoServices(db: DataSource): Promise<string[]> {
  const sql = new Sql(db);
  const added: string[] = [];
  for (const s of DEMO_SERVICES) {
    const rows = await sql.rows(
      `INSERT INTO catalog.services (code, name, description, category, duration_minutes, labor_hours, parts, active)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (code) DO NOTHING RETURNING id`,
      [
        s.code,
        s.name,
        s.description,
        s.category,
        s.durationMinutes,
        s.laborHours.toFixed(2),
        JSON.stringify(s.parts),
        s.active ?? true,
      ],
    );
    if (rows.length) added.push(`service ${s.code}`);
  }
  return added;
}
