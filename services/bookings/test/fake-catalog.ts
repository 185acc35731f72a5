import { randomUUID } from 'node:crypto';
import { DEFAULT_BOOKING_HORIZON_DAYS, DomainError, catalog, type Branch, type Quote } from '@garage/shared';
import type { NatsConnection } from '@nats-io/transport-node';
import { fakeResponder } from '../../../test/support/fake-responder.js';

export interface FakeService {
  id: string;
  name: string;
  durationMinutes: number;
  laborHours: number;
  parts: Quote['parts'];
}

/**
 * The catalog as bookings sees it (`catalog.branches.get` and `catalog.quote`), answered from the
 * branches and services a test adds, for suites that test the bookings service alone. Replies are
 * parsed by the contracts on bookings' side, so they must have the real shapes.
 */
export class FakeCatalog {
  private readonly branches = new Map<string, Branch>();
  private readonly services = new Map<string, FakeService>();
  private readonly responders;

  constructor(nc: NatsConnection, prefix: string) {
    this.responders = [
      fakeResponder(nc, prefix, catalog.getBranch.pattern, (env) => {
        const branch = this.branches.get(String((env.payload as { id: string }).id).toLowerCase());
        if (!branch) throw new DomainError('NOT_FOUND', 'No such branch');
        return branch;
      }),
      fakeResponder(nc, prefix, catalog.quote.pattern, (env) => {
        const { branchId, serviceIds } = env.payload as { branchId: string; serviceIds: string[] };
        const branch = this.branches.get(branchId);
        if (!branch?.active) throw new DomainError('NOT_FOUND', 'No such branch');
        const services = serviceIds.map((id) => this.services.get(id));
        if (services.some((s) => !s)) throw new DomainError('NOT_FOUND', 'No such service');
        return quoteOf(branch, services as FakeService[]);
      }),
    ];
  }

  /** A branch as the catalog would make it: active, with the default booking horizon unless given. */
  addBranch(
    fields: Omit<Branch, 'id' | 'currency' | 'active' | 'bookingHorizonDays'> &
      Partial<Pick<Branch, 'active' | 'bookingHorizonDays'>>,
  ): Branch {
    const branch: Branch = {
      id: randomUUID(),
      currency: 'USD',
      active: true,
      bookingHorizonDays: DEFAULT_BOOKING_HORIZON_DAYS,
      ...fields,
    };
    this.branches.set(branch.id, branch);
    return branch;
  }

  addService(service: Omit<FakeService, 'id'>): string {
    const id = randomUUID();
    this.services.set(id, { id, ...service });
    return id;
  }

  stop(): void {
    for (const r of this.responders) r.stop();
  }
}

/** Labour at the branch's rate, no part prices (bookings only keeps the duration and the part lines). */
function quoteOf(branch: Branch, services: FakeService[]): Quote {
  const lines = services.map((s) => {
    const laborCents = Math.round(s.laborHours * branch.laborRateCents);
    return { serviceId: s.id, name: s.name, laborCents, partsCents: 0, totalCents: laborCents };
  });
  const subtotalCents = lines.reduce((sum, l) => sum + l.totalCents, 0);
  const taxCents = Math.round((subtotalCents * branch.taxRatePercent) / 100);
  const parts = new Map<string, number>();
  for (const s of services) for (const p of s.parts) parts.set(p.partSku, (parts.get(p.partSku) ?? 0) + p.quantity);
  return {
    estimate: {
      lines,
      laborCents: subtotalCents,
      partsCents: 0,
      subtotalCents,
      taxCents,
      totalCents: subtotalCents + taxCents,
      currency: branch.currency,
    },
    durationMinutes: services.reduce((sum, s) => sum + s.durationMinutes, 0),
    parts: [...parts].map(([partSku, quantity]) => ({ partSku, quantity })),
  };
}
