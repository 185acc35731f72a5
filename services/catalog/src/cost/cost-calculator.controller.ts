import { Controller } from '@nestjs/common';
import { Handles, catalog, type Call } from '@garage/shared';
import { CostCalculatorService } from './cost-calculator.service.js';

/** NATS handlers of the cost calculator (public) and of quotes for bookings (internal). */
@Controller()
export class CostCalculatorController {
  constructor(private readonly calculator: CostCalculatorService) {}

  @Handles(catalog.calculateCost)
  calculate({ payload: { branchId, serviceIds } }: Call<typeof catalog.calculateCost>) {
    return this.calculator.calculate(branchId, serviceIds);
  }

  /** Internal: what bookings freezes into a booking. */
  @Handles(catalog.quote)
  quote({ payload: { branchId, serviceIds } }: Call<typeof catalog.quote>) {
    return this.calculator.quote(branchId, serviceIds);
  }
}
