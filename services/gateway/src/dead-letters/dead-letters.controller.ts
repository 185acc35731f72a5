import { Controller, Req, Res } from '@nestjs/common';
import { gateway } from '@garage/shared';
import { Route } from '../http/route.decorator.js';
import type { GatewayReply, GatewayRequest } from '../http/gateway-request.js';
import { DeadLettersService } from './dead-letters.service.js';

/** GET /api/admin/dead-letters (merged from every consuming service) and POST …/:id/replay (to the owner). */
@Controller()
export class DeadLettersController {
  constructor(private readonly deadLetters: DeadLettersService) {}

  @Route(gateway.listDeadLetters)
  list(@Req() req: GatewayRequest) {
    return this.deadLetters.list(req);
  }

  @Route(gateway.replayDeadLetter)
  replay(@Req() req: GatewayRequest, @Res() reply: GatewayReply) {
    return this.deadLetters.replay(req, reply);
  }
}
