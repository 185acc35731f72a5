import { Controller, Get, Res } from '@nestjs/common';
import { SkipThrottle } from '@nestjs/throttler';
import { HealthService } from './health.service.js';
import { Public } from '../http/route.decorator.js';
import type { GatewayReply } from '../http/gateway-request.js';

/** `/health` and `/api/health`: public, cheap, no secrets; 503 when anything is degraded. */
@Controller()
@Public()
@SkipThrottle()
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get(['/health', '/api/health'])
  async get(@Res() reply: GatewayReply) {
    const health = await this.health.check();
    reply
      .code(health.status === 'healthy' ? 200 : 503)
      .header('cache-control', 'no-store')
      .send(health);
  }
}
