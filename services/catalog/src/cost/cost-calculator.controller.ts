import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { catalog, parseOrThrow, type RpcEnvelope } from '@garage/shared';
import { CostCalculatorService } from './cost-calculator.service.js';

/** NATS handler of the cost calculator (public). */
@Controller()
export class CostCalculatorController {
  constructor(private readonly calculator: CostCalculatorService) {}

  @MessagePattern(catalog.calculateCost.pattern)
  calculate(@Payload() env: RpcEnvelope) {
    const { branchId, serviceIds } = parseOrThrow(catalog.calculateCost.request, env.payload);
    return this.calculator.calculate(branchId, serviceIds);
  }
}
