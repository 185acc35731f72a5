import { randomUUID } from 'node:crypto';
import { DEMO_BRANCH_IDS, DomainError, catalog, type Branch } from '@garage/shared';
import type { NatsConnection } from '@nats-io/transport-node';
import { fakeResponder, type FakeResponder } from '../../../test/support/fake-responder.js';

const HOURS = { open: '08:00', close: '17:00' };

/**
 * The catalog as inventory sees it (`catalog.branches.get`, asked once per branch inventory has no
 * stock at), answered for the demo branches and the branches a test opens, for suites that test the
 * inventory service alone. Inventory parses the replies by the contract, so they have the real shape.
 */
export class FakeCatalog {
  private readonly branches = new Set<string>(Object.values(DEMO_BRANCH_IDS));
  private responder: FakeResponder | null = null;

  constructor(
    private readonly nc: NatsConnection,
    private readonly prefix: string,
  ) {
    this.start();
  }

  /** A branch the catalog has just opened; returns its id. */
  openBranch(): string {
    const id = randomUUID();
    this.branches.add(id);
    return id;
  }

  /** Answers (again, after stop()). */
  start(): void {
    this.responder ??= fakeResponder(this.nc, this.prefix, catalog.getBranch.pattern, (env) => {
      const id = String((env.payload as { id: string }).id).toLowerCase();
      if (!this.branches.has(id)) throw new DomainError('NOT_FOUND', 'No such branch');
      return branchOf(id);
    });
  }

  /** Stops answering: inventory finds nobody listening, as when the catalog is down. */
  stop(): void {
    this.responder?.stop();
    this.responder = null;
  }
}

function branchOf(id: string): Branch {
  return {
    id,
    name: `Branch ${id.slice(0, 8)}`,
    address: '5 Depot Lane, Springfield, IL 62702',
    timezone: 'America/Chicago',
    openingHours: {
      monday: HOURS,
      tuesday: HOURS,
      wednesday: HOURS,
      thursday: HOURS,
      friday: HOURS,
      saturday: null,
      sunday: null,
    },
    bays: 2,
    laborRateCents: 10_000,
    taxRatePercent: 7,
    currency: 'USD',
    active: true,
    bookingHorizonDays: 90,
  };
}
