import { Injectable } from '@nestjs/common';
import {
  DomainError,
  Transactions,
  appendEvent,
  auditRecord,
  changedFields,
  isUniqueViolation,
  type PartLine,
  type Principal,
  type ServiceOffering,
} from '@garage/shared';
import { BranchesService } from '../branches/branches.service.js';
import { definedOnly } from '../common/defined-only.js';
import { isStaff } from '../common/principal.js';
import { PartPricesService } from '../part-prices/part-prices.service.js';
import { laborCents, toScaledInteger } from '../pricing/money.js';
import { CatalogSettings } from '../catalog-settings.js';
import {
  ServiceOfferingsRepository,
  type PricedOffering,
  type ServiceFields,
  type StoredOffering,
} from './service-offerings.repository.js';

/** A service as the API writes it: labour in hours with at most 2 decimals. */
export type ServiceInput = Omit<ServiceFields, 'laborHundredths'> & { laborHours: number };

export interface ServiceListRequest {
  limit: number;
  cursor?: string;
  category?: string;
  includeInactive: boolean;
  branchId?: string;
}

/**
 * The service catalog: anyone reads the active services, priced at the chain's default labour
 * rate or at a branch's; admins add and change them, and every part they name must exist in inventory.
 */
@Injectable()
export class ServiceCatalogService {
  constructor(
    private readonly offerings: ServiceOfferingsRepository,
    private readonly prices: PartPricesService,
    private readonly branches: BranchesService,
    private readonly settings: CatalogSettings,
    private readonly transactions: Transactions,
  ) {}

  async list(principal: Principal | null, q: ServiceListRequest) {
    const includeInactive = q.includeInactive && isStaff(principal);
    const [rate, page] = await Promise.all([
      this.laborRateFor(principal, q.branchId),
      this.offerings.listPriced({ ...q, includeInactive }),
    ]);
    return { items: await this.priced(page.items, rate), nextCursor: page.nextCursor };
  }

  /** One service; a withdrawn (inactive) one is hidden from the public. */
  async get(principal: Principal | null, id: string, branchId?: string): Promise<ServiceOffering> {
    const [rate, found] = await Promise.all([
      this.laborRateFor(principal, branchId),
      this.offerings.findPricedByIds([id]),
    ]);
    const service = found[0];
    if (!service || (!service.active && !isStaff(principal))) throw new DomainError('NOT_FOUND', 'No such service');
    return (await this.priced([service], rate))[0];
  }

  async create(input: ServiceInput): Promise<ServiceOffering> {
    await this.requireKnownParts(input.parts);
    const fields = toFields(input);
    const id = await this.transactions.run(async (tx) => {
      const created = await this.offerings.insert(fields, tx);
      if (!created) throw new DomainError('CONFLICT', 'A service with this code already exists');
      await appendEvent(
        tx,
        'audit.catalog',
        auditRecord({
          action: 'catalog.service.created',
          subject: { type: 'service', id: created },
          after: { ...fields },
        }),
      );
      return created;
    });
    return this.pricedById(id);
  }

  async update(id: string, change: Partial<ServiceInput>): Promise<ServiceOffering> {
    // Only a new parts list needs inventory, so a service can be renamed or withdrawn while inventory is away.
    if (change.parts) await this.requireKnownParts(change.parts);
    const { laborHours, ...rest } = definedOnly(change);
    try {
      await this.transactions.run(async (tx) => {
        const current = await this.offerings.lockById(tx, id);
        if (!current) throw new DomainError('NOT_FOUND', 'No such service');
        const { id: _id, ...fields } = current;
        const merged: ServiceFields = { ...fields, ...rest };
        if (laborHours !== undefined) merged.laborHundredths = toScaledInteger(laborHours, 2);
        if (!(await this.offerings.update(id, merged, tx))) throw new DomainError('NOT_FOUND', 'No such service');
        const diff = changedFields(fields, merged);
        if (diff) {
          await appendEvent(
            tx,
            'audit.catalog',
            auditRecord({ action: 'catalog.service.updated', subject: { type: 'service', id }, ...diff }),
          );
        }
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw new DomainError('CONFLICT', 'A service with this code already exists');
      throw err;
    }
    return this.pricedById(id);
  }

  /** Every SKU must name a part inventory knows: one request for all of them (503 if inventory is away). */
  private async requireKnownParts(parts: readonly PartLine[]): Promise<void> {
    if (!parts.length) return;
    const known = await this.prices.fetchAndCache(parts.map((l) => l.partSku));
    const unknown = parts.flatMap((l, i) =>
      known.has(l.partSku) ? [] : [{ field: `parts.${i}.partSku`, message: 'no such part' }],
    );
    if (unknown.length) throw new DomainError('VALIDATION_FAILED', 'Unknown part SKU', unknown);
  }

  /** The labour rate prices are quoted at: ?branchId='s (404 if the caller may not see it), else the chain's. */
  private async laborRateFor(principal: Principal | null, branchId: string | undefined): Promise<number> {
    if (!branchId) return this.settings.defaultLaborRateCents;
    return (await this.branches.get(principal, branchId)).laborRateCents;
  }

  private async pricedById(id: string): Promise<ServiceOffering> {
    const [service] = await this.offerings.findPricedByIds([id]);
    if (!service) throw new DomainError('NOT_FOUND', 'No such service');
    return (await this.priced([service], this.settings.defaultLaborRateCents))[0];
  }

  private async priced(services: PricedOffering[], rateCents: number): Promise<ServiceOffering[]> {
    const parts = await this.prices.partsCentsOf(services);
    return services.map((s, i) => toOffering(s, laborCents(s.laborHundredths, rateCents) + parts[i]));
  }
}

function toFields({ laborHours, ...input }: ServiceInput): ServiceFields {
  return { ...input, laborHundredths: toScaledInteger(laborHours, 2) };
}

function toOffering(s: StoredOffering, priceCents: number): ServiceOffering {
  return {
    id: s.id,
    code: s.code,
    name: s.name,
    description: s.description,
    category: s.category,
    durationMinutes: s.durationMinutes,
    laborHours: s.laborHundredths / 100,
    priceCents,
    parts: s.parts,
    active: s.active,
  };
}
