import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { catalog, parseOrThrow, type RpcEnvelope } from '@garage/shared';
import { CostCalculatorService } from './cost-calculator.service.js';

/** NATS handlers of the cost calculator (public) and of quotes for bookings (internal). */
@Controller()
export class CostCalculatorController {
  constructor(private readonly calculator: CostCalculatorService) {}

  @MessagePattern(catalog.calculateCost.pattern)
  calculate(@Payload() env: RpcEnvelope) {
    const { branchId, serviceIds } = parseOrThrow(catalog.calculateCost.request, env.payload);
    return this.calculator.calculate(branchId, serviceIds);
  }

  /** Internal: what bookings freezes into a booking. */
  @MessagePattern(catalog.quote.pattern)
  quote(@Payload() env: RpcEnvelope) {
    const { branchId, serviceIds } = parseOrThrow(catalog.quote.request, env.payload);
    return this.calculator.quote(branchId, serviceIds);
  }
}
