/**
 * The demo chain's fixed facts that more than one service's demo data refers to: branch ids
 * (catalog owns branches, inventory keeps stock at them, bookings books them) and part SKUs
 * (inventory owns parts, the catalog's services use them), the demo customer's id. Only for demo data,
 * never production.
 */
export const DEMO_BRANCH_IDS = {
  downtown: '0b7c1a52-5d0e-4c1e-9a57-1f0a3d2c0001',
  northside: '0b7c1a52-5d0e-4c1e-9a57-1f0a3d2c0002',
  harbor: '0b7c1a52-5d0e-4c1e-9a57-1f0a3d2c0003',
} as const;

/** The demo customer's account id (auth owns it; bookings' demo vehicles and bookings are theirs). */
export const DEMO_CUSTOMER_ID = '0b7c1a52-5d0e-4c1e-9a57-1f0a3d2c1001';

export interface DemoPart {
  sku: string;
  name: string;
  unitPriceCents: number;
  reorderLevel: number;
}

/** About forty parts a small garage chain stocks, at plausible prices (cents). */
export const DEMO_PARTS: DemoPart[] = [
  { sku: 'OIL-5W30-1L', name: 'Engine oil 5W-30 synthetic, 1 l', unitPriceCents: 1_150, reorderLevel: 40 },
  { sku: 'OIL-0W20-1L', name: 'Engine oil 0W-20 synthetic, 1 l', unitPriceCents: 1_290, reorderLevel: 30 },
  { sku: 'OIL-10W40-1L', name: 'Engine oil 10W-40 semi-synthetic, 1 l', unitPriceCents: 890, reorderLevel: 20 },
  { sku: 'FLT-OIL-STD', name: 'Oil filter, standard', unitPriceCents: 995, reorderLevel: 15 },
  { sku: 'FLT-AIR-STD', name: 'Engine air filter', unitPriceCents: 1_850, reorderLevel: 10 },
  { sku: 'FLT-CABIN', name: 'Cabin air filter, activated carbon', unitPriceCents: 2_400, reorderLevel: 10 },
  { sku: 'FLT-FUEL', name: 'Fuel filter', unitPriceCents: 3_200, reorderLevel: 6 },
  { sku: 'PLUG-DRAIN-WASHER', name: 'Drain plug washer', unitPriceCents: 85, reorderLevel: 50 },
  { sku: 'BRK-PAD-FRONT', name: 'Brake pad set, front axle', unitPriceCents: 6_450, reorderLevel: 8 },
  { sku: 'BRK-PAD-REAR', name: 'Brake pad set, rear axle', unitPriceCents: 5_200, reorderLevel: 8 },
  { sku: 'BRK-DISC-FRONT', name: 'Brake disc, front (each)', unitPriceCents: 7_800, reorderLevel: 6 },
  { sku: 'BRK-DISC-REAR', name: 'Brake disc, rear (each)', unitPriceCents: 6_900, reorderLevel: 6 },
  { sku: 'BRK-FLUID-DOT4', name: 'Brake fluid DOT 4, 1 l', unitPriceCents: 1_450, reorderLevel: 10 },
  { sku: 'BRK-CLEANER', name: 'Brake cleaner spray, 500 ml', unitPriceCents: 650, reorderLevel: 12 },
  { sku: 'BAT-12V-60AH', name: 'Battery 12 V 60 Ah', unitPriceCents: 13_900, reorderLevel: 4 },
  { sku: 'BAT-12V-70AH-AGM', name: 'Battery 12 V 70 Ah AGM (start-stop)', unitPriceCents: 21_500, reorderLevel: 3 },
  { sku: 'BAT-TERMINAL-KIT', name: 'Battery terminal kit', unitPriceCents: 1_200, reorderLevel: 5 },
  { sku: 'AC-REFRIG-R1234YF', name: 'Refrigerant R-1234yf, 100 g', unitPriceCents: 2_900, reorderLevel: 20 },
  { sku: 'AC-REFRIG-R134A', name: 'Refrigerant R-134a, 100 g', unitPriceCents: 900, reorderLevel: 20 },
  { sku: 'AC-DYE', name: 'A/C leak detection dye', unitPriceCents: 1_100, reorderLevel: 5 },
  { sku: 'AC-ORING-KIT', name: 'A/C O-ring kit', unitPriceCents: 1_650, reorderLevel: 4 },
  { sku: 'TB-KIT', name: 'Timing belt kit with tensioner', unitPriceCents: 18_900, reorderLevel: 2 },
  { sku: 'TB-WATER-PUMP', name: 'Water pump', unitPriceCents: 9_400, reorderLevel: 2 },
  { sku: 'COOLANT-G12-1L', name: 'Coolant G12, 1 l', unitPriceCents: 950, reorderLevel: 15 },
  { sku: 'SPARK-PLUG-IRID', name: 'Spark plug, iridium', unitPriceCents: 1_350, reorderLevel: 16 },
  { sku: 'IGN-COIL', name: 'Ignition coil', unitPriceCents: 6_200, reorderLevel: 3 },
  { sku: 'WIPER-BLADE-600', name: 'Wiper blade 600 mm', unitPriceCents: 1_900, reorderLevel: 10 },
  { sku: 'WIPER-BLADE-450', name: 'Wiper blade 450 mm', unitPriceCents: 1_700, reorderLevel: 10 },
  { sku: 'WASHER-FLUID-5L', name: 'Screen wash, 5 l', unitPriceCents: 1_050, reorderLevel: 10 },
  { sku: 'TYRE-VALVE', name: 'Tyre valve (each)', unitPriceCents: 250, reorderLevel: 40 },
  { sku: 'TYRE-WEIGHT-SET', name: 'Wheel balancing weights, set', unitPriceCents: 400, reorderLevel: 20 },
  { sku: 'TYRE-PATCH', name: 'Tyre repair patch plug', unitPriceCents: 550, reorderLevel: 20 },
  { sku: 'BULB-H7', name: 'Headlight bulb H7', unitPriceCents: 1_250, reorderLevel: 10 },
  { sku: 'BULB-W5W', name: 'Side light bulb W5W', unitPriceCents: 300, reorderLevel: 20 },
  { sku: 'SERP-BELT', name: 'Serpentine (auxiliary) belt', unitPriceCents: 3_600, reorderLevel: 4 },
  { sku: 'TRANS-FLUID-ATF-1L', name: 'Automatic transmission fluid, 1 l', unitPriceCents: 1_600, reorderLevel: 12 },
  { sku: 'PS-FLUID-1L', name: 'Power steering fluid, 1 l', unitPriceCents: 1_300, reorderLevel: 6 },
  { sku: 'DIAG-SEAL', name: 'Diagnostic port seal tag', unitPriceCents: 50, reorderLevel: 30 },
  { sku: 'SHOCK-FRONT', name: 'Shock absorber, front (each)', unitPriceCents: 8_900, reorderLevel: 2 },
  { sku: 'WHEEL-BEARING', name: 'Wheel bearing kit', unitPriceCents: 7_400, reorderLevel: 2 },
];
