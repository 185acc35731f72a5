import { Injectable } from '@nestjs/common';
import { DomainError, catalog, type Branch, type Principal, type Quote, RpcClient } from '@garage/shared';

/** Long enough to spare the catalog on the public availability path, short enough that changes show quickly. */
const BRANCH_TTL_MS = 5_000;
const MAX_CACHED = 10_000;

/**
 * The catalog service (owner of branches, services and prices) over NATS, with the caller's
 * principal forwarded. Its errors (404 unknown branch or service, 400) pass through; a catalog
 * that does not answer is a 503 from the RPC client. Active branches are remembered for a few
 * seconds in this process; quotes never (prices change).
 */
@Injectable()
export class CatalogClient {
  private readonly branches = new Map<string, { branch: Branch; until: number }>();

  constructor(private readonly rpc: RpcClient) {}

  /** The branch, NOT_FOUND if the catalog does not know it (or hides it from this caller). */
  async branch(principal: Principal | null, id: string): Promise<Branch> {
    const key = id.toLowerCase();
    const hit = this.branches.get(key);
    if (hit && hit.until > Date.now()) return hit.branch;
    const branch = await this.rpc.request(catalog.getBranch, { principal, payload: { id: key } });
    if (branch.active) {
      if (this.branches.size >= MAX_CACHED) this.branches.clear();
      this.branches.set(key, { branch, until: Date.now() + BRANCH_TTL_MS });
    }
    return branch;
  }

  /** An active branch: a closed one takes no bookings, so it is NOT_FOUND here whoever asks. */
  async openBranch(principal: Principal | null, id: string): Promise<Branch> {
    const branch = await this.branch(principal, id);
    if (!branch.active) throw new DomainError('NOT_FOUND', 'No such branch');
    return branch;
  }

  /** Price, duration and parts of services at a branch, as a booking freezes them. */
  quote(principal: Principal | null, branchId: string, serviceIds: string[]): Promise<Quote> {
    return this.rpc.request(catalog.quote, { principal, payload: { branchId, serviceIds } });
  }
}
