import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { clientBucket } from '@garage/shared';
import type { GatewayRequest } from '../http/gateway-request.js';

/** The general request throttle: signed-in callers are counted per account, anonymous ones per client IP. */
@Injectable()
export class GatewayThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const request = req as unknown as GatewayRequest;
    const principal = request.principal;
    return principal ? `acct:${principal.kind}:${principal.id}` : `ip:${clientBucket(request.ip)}`;
  }
}
