import { Injectable } from '@nestjs/common';
import { DomainError, type Branch, type CostEstimate, type Quote } from '@garage/shared';
import { BranchesRepository } from '../branches/branches.repository.js';
import { PartPricesService } from '../part-prices/part-prices.service.js';
import { laborCents, taxCents, toScaledInteger } from '../pricing/money.js';
import { ServiceOfferingsRepository, type PricedOffering } from '../service-catalog/service-offerings.repository.js';

/**
 * Prices services at a branch from today's catalog, part prices and the branch's rates. One query
 * for the branch, one for the services with their cached part prices, nothing per service.
 */
@Injectable()
export class CostCalculatorService {
  constructor(
    private readonly branches: BranchesRepository,
    private readonly offerings: ServiceOfferingsRepository,
    private readonly prices: PartPricesService,
  ) {}

  async calculate(branchId: string, serviceIds: readonly string[]): Promise<CostEstimate> {
    const { branch, services, parts } = await this.price(branchId, serviceIds);
    return estimate(branch, services, parts);
  }

  /** The estimate plus the total duration and every part (one line per SKU), for a booking to freeze. */
  async quote(branchId: string, serviceIds: readonly string[]): Promise<Quote> {
    const { branch, services, parts } = await this.price(branchId, serviceIds);
    const quantities = new Map<string, number>();
    for (const line of services.flatMap((s) => s.parts)) {
      quantities.set(line.partSku, (quantities.get(line.partSku) ?? 0) + line.quantity);
    }
    return {
      estimate: estimate(branch, services, parts),
      durationMinutes: services.reduce((sum, s) => sum + s.durationMinutes, 0),
      parts: [...quantities].map(([partSku, quantity]) => ({ partSku, quantity })),
    };
  }

  private async price(branchId: string, serviceIds: readonly string[]) {
    const [branch, found] = await Promise.all([
      this.branches.findById(branchId),
      this.offerings.findPricedByIds(serviceIds),
    ]);
    // A closed branch takes no new work, so it quotes none either, whoever asks.
    if (!branch?.active) {
      throw new DomainError('NOT_FOUND', 'No such branch', [{ field: 'branchId', message: 'no such branch' }]);
    }
    const services = inRequestOrder(serviceIds, found);
    const parts = await this.prices.partsCentsOf(services);
    return { branch, services, parts };
  }
}

/** The requested services in the order asked; any unknown or withdrawn one is a 404 naming its index. */
function inRequestOrder(ids: readonly string[], found: PricedOffering[]): PricedOffering[] {
  const byId = new Map(found.filter((s) => s.active).map((s) => [s.id, s]));
  const missing = ids.flatMap((id, i) =>
    byId.has(id) ? [] : [{ field: `serviceIds.${i}`, message: 'no such service' }],
  );
  if (missing.length) throw new DomainError('NOT_FOUND', 'No such service', missing);
  return ids.flatMap((id) => byId.get(id) ?? []);
}

function estimate(branch: Branch, services: PricedOffering[], parts: number[]): CostEstimate {
  const lines = services.map((s, i) => {
    const labor = laborCents(s.laborHundredths, branch.laborRateCents);
    return { serviceId: s.id, name: s.name, laborCents: labor, partsCents: parts[i], totalCents: labor + parts[i] };
  });
  const labor = lines.reduce((sum, l) => sum + l.laborCents, 0);
  const partsTotal = lines.reduce((sum, l) => sum + l.partsCents, 0);
  const subtotal = labor + partsTotal;
  const tax = taxCents(subtotal, toScaledInteger(branch.taxRatePercent, 3));
  return {
    lines,
    laborCents: labor,
    partsCents: partsTotal,
    subtotalCents: subtotal,
    taxCents: tax,
    totalCents: subtotal + tax,
    currency: branch.currency,
  };
}
