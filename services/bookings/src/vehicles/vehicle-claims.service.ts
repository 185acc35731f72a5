import { Injectable } from '@nestjs/common';
import { DomainError, Transactions, appendEvent, auditRecord, type Principal, type Vehicle } from '@garage/shared';
import { toVehicle } from './vehicles.repository.js';
import { VehicleClaimsRepository } from './vehicle-claims.repository.js';

/**
 * Staff settle who a disputed VIN belongs to. Approving moves the registered car, with its bookings
 * and service records, to the claimant and removes the claim; rejecting leaves the registered car
 * where it is and marks the claim rejected. Each decision is recorded with who made it.
 */
@Injectable()
export class VehicleClaimsService {
  constructor(
    private readonly claims: VehicleClaimsRepository,
    private readonly transactions: Transactions,
  ) {}

  listPending(limit: number, cursor?: string) {
    return this.claims.listPending(limit, cursor);
  }

  /** The claimant owns the car: it moves to them, history and all. Answers the moved car. */
  async approve(principal: Principal, claimId: string): Promise<Vehicle> {
    return this.transactions.run(async (tx) => {
      const claim = await this.pendingClaim(await this.claims.lock(tx, claimId), claimId);
      const registered = await this.claims.lockActive(tx, claim.vin);
      if (!registered) {
        // Nobody holds the VIN any more: the claimant's own car becomes the registered one.
        const mine = await this.claims.setStatus(tx, claim.id, 'active');
        await this.claims.record(tx, { ...this.decision(principal, claim, 'approved'), vehicleId: mine.id });
        return toVehicle(mine);
      }
      const upcoming = await this.claims.upcomingBookings(tx, registered.id);
      if (upcoming > 0) {
        throw new DomainError(
          'CONFLICT',
          `The car has ${upcoming} upcoming booking${upcoming === 1 ? '' : 's'} of its current owner; cancel ${upcoming === 1 ? 'it' : 'them'} first`,
        );
      }
      // The claim goes first: the claimant may hold one row per VIN, and the car's row is theirs now.
      await this.claims.remove(tx, claim.id);
      const moved = await this.claims.transfer(tx, registered.id, claim.customer_id);
      await this.claims.record(tx, {
        ...this.decision(principal, claim, 'approved'),
        vehicleId: registered.id,
        previousOwnerId: registered.customer_id,
      });
      await appendEvent(
        tx,
        'audit.bookings',
        auditRecord({
          action: 'bookings.vehicle.owner_changed',
          subject: { type: 'vehicle', id: registered.id },
          before: { customerId: registered.customer_id },
          after: { customerId: claim.customer_id, claimId: claim.id },
        }),
      );
      return toVehicle(moved);
    });
  }

  /** The car is not the claimant's: the claim stays with them, rejected, and never bookable. */
  async reject(principal: Principal, claimId: string): Promise<Vehicle> {
    return this.transactions.run(async (tx) => {
      const claim = await this.pendingClaim(await this.claims.lock(tx, claimId), claimId);
      const rejected = await this.claims.setStatus(tx, claim.id, 'claim_rejected');
      await this.claims.record(tx, this.decision(principal, claim, 'rejected'));
      return toVehicle(rejected);
    });
  }

  /** The claim if it is still pending; CONFLICT once decided, NOT_FOUND when there is no such claim. */
  private async pendingClaim<T extends { status: string }>(row: T | null, claimId: string): Promise<T> {
    if (row?.status === 'claim_pending') return row;
    if (row?.status === 'claim_rejected' || (!row && (await this.claims.decided(claimId)))) {
      throw new DomainError('CONFLICT', 'This claim has already been decided');
    }
    throw new DomainError('NOT_FOUND', 'No such claim');
  }

  private decision(
    principal: Principal,
    claim: { id: string; vin: string; customer_id: string },
    decision: 'approved' | 'rejected',
  ) {
    return {
      claimId: claim.id,
      vin: claim.vin,
      claimantId: claim.customer_id,
      decision,
      vehicleId: null,
      previousOwnerId: null,
      decidedBy: principal.id,
    };
  }
}
