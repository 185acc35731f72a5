import { DEMO_PARTS, catalog } from '@garage/shared';
import { DEMO_SERVICES } from './demo-services.js';

describe('DEMO_SERVICES', () => {
  it('names only parts inventory stocks in its demo data', () => {
    const stocked = new Set(DEMO_PARTS.map((p) => p.sku));
    const unknown = DEMO_SERVICES.flatMap((s) => s.parts.map((l) => l.partSku)).filter((sku) => !stocked.has(sku));
    expect(unknown).toEqual([]);
  });

  it('is what an admin could have created through the API', () => {
    for (const s of DEMO_SERVICES) expect(catalog.createService.request.safeParse(s).error).toBeUndefined();
  });

  it('has about twenty services with unique codes and names, exactly one withdrawn', () => {
    expect(DEMO_SERVICES.length).toBeGreaterThanOrEqual(18);
    expect(new Set(DEMO_SERVICES.map((s) => s.code)).size).toBe(DEMO_SERVICES.length);
    expect(new Set(DEMO_SERVICES.map((s) => s.name.toLowerCase())).size).toBe(DEMO_SERVICES.length);
    expect(DEMO_SERVICES.filter((s) => s.active === false)).toHaveLength(1);
  });
});
