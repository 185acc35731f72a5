import { DEMO_BRANCH_IDS, DEMO_CUSTOMER_ID, type Sql } from '@garage/shared';

const SKILLS = [
  ['engine', 'diagnostics'],
  ['brakes', 'tyres'],
  ['electrics', 'air conditioning'],
];
const NAMES: Record<string, string[]> = {
  [DEMO_BRANCH_IDS.downtown]: ['Maria Lopez', 'Dave Chen', 'Sam Okafor'],
  [DEMO_BRANCH_IDS.northside]: ['Priya Patel', 'Tom Walsh'],
  [DEMO_BRANCH_IDS.harbor]: ['Ana Costa', 'Joe Russo', 'Lena Berg'],
};

/** Fixed ids, so loading the demo twice adds nothing. */
export function demoTechnicianId(branchIndex: number, i: number): string {
  return `0b7c1a52-5d0e-4c1e-9a57-1f0a3d2c2${branchIndex}${i.toString().padStart(2, '0')}`;
}

export const DEMO_TECHNICIANS = Object.values(DEMO_BRANCH_IDS).flatMap((branchId, b) =>
  NAMES[branchId].map((name, i) => ({ id: demoTechnicianId(b, i), name, branchId, skills: SKILLS[i] })),
);

export const DEMO_VEHICLES = [
  {
    id: '0b7c1a52-5d0e-4c1e-9a57-1f0a3d2c3001',
    vin: '1HGCM82633A004352',
    plate: 'JS 1024',
    make: 'Honda',
    model: 'Accord',
    year: 2019,
    mileage: 48_200,
  },
  {
    id: '0b7c1a52-5d0e-4c1e-9a57-1f0a3d2c3002',
    vin: '5YJ3E1EA7KF317000',
    plate: 'JS 2048',
    make: 'Tesla',
    model: 'Model 3',
    year: 2021,
    mileage: 22_950,
  },
  {
    id: '0b7c1a52-5d0e-4c1e-9a57-1f0a3d2c3003',
    vin: '1FTFW1ET5DFC10312',
    plate: 'JS 4096',
    make: 'Ford',
    model: 'F-150',
    year: 2016,
    mileage: 96_400,
  },
];

/** Technicians at every demo branch and the demo customer's cars (idempotent); returns what it added. */
export async function loadDemoFleet(sql: Sql): Promise<string[]> {
  const t = DEMO_TECHNICIANS;
  const techs = await sql.rows(
    `INSERT INTO bookings.technicians (id, name, branch_id, skills)
     SELECT id, name, branch_id, string_to_array(skills, ',') FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[])
       AS t(id, name, branch_id, skills)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [t.map((x) => x.id), t.map((x) => x.name), t.map((x) => x.branchId), t.map((x) => x.skills.join(','))],
  );
  const v = DEMO_VEHICLES;
  const cars = await sql.rows(
    `INSERT INTO bookings.vehicles (id, customer_id, vin, plate, make, model, year, mileage)
     SELECT id, $1, vin, plate, make, model, year, mileage FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[],
       $6::text[], $7::int[], $8::int[]) AS v(id, vin, plate, make, model, year, mileage)
     ON CONFLICT DO NOTHING RETURNING id`,
    [
      DEMO_CUSTOMER_ID,
      v.map((x) => x.id),
      v.map((x) => x.vin),
      v.map((x) => x.plate),
      v.map((x) => x.make),
      v.map((x) => x.model),
      v.map((x) => x.year),
      v.map((x) => x.mileage),
    ],
  );
  const added: string[] = [];
  if (techs.length) added.push(`${techs.length} technicians`);
  if (cars.length) added.push(`${cars.length} demo vehicles`);
  return added;
}
