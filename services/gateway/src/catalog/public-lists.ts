import { Injectable } from '@nestjs/common';
import type { MessageContract } from '@garage/shared';
import { RpcForwarder } from '../http/rpc-forwarder.js';
import type { GatewayReply, GatewayRequest } from '../http/gateway-request.js';
import { PublicListCache, matchesEtag } from './public-list-cache.js';

/**
 * What browsers, nginx and CDNs may do with an anonymous list: keep it a few seconds, then serve it
 * a little longer while they revalidate (with If-None-Match: a 304 costs no body). With the gateway's
 * own cache (CATALOG_CACHE_MS) a price change reaches every visitor within seconds.
 */
export const PUBLIC_LIST_CACHE_CONTROL = 'public, max-age=3, stale-while-revalidate=2';
/** A signed-in caller's answer may differ (staff see inactive entries): only theirs, never stored. */
export const PRIVATE_CACHE_CONTROL = 'private, no-store';
// The answer depends on who asks: a shared cache must not hand the anonymous list to a signed-in caller.
const VARY = 'Authorization, Cookie';

/** Serves the public catalog and branch lists: cached in the gateway, with ETag and 304, for anonymous callers. */
@Injectable()
export class PublicLists {
  constructor(
    private readonly rpc: RpcForwarder,
    private readonly cache: PublicListCache,
  ) {}

  async serve(contract: MessageContract, req: GatewayRequest, reply: GatewayReply): Promise<void> {
    reply.header('vary', VARY);
    if (req.principal) {
      reply.header('cache-control', PRIVATE_CACHE_CONTROL);
      return this.rpc.forward(contract, req, reply);
    }
    const query = req.url.indexOf('?');
    const key = `${contract.pattern}${query < 0 ? '' : req.url.slice(query)}`;
    // Validated on a miss only: a key in the cache is the query of a request that passed.
    const answer = await this.cache.get(key, () => this.rpc.call(contract, req));
    reply.header('cache-control', PUBLIC_LIST_CACHE_CONTROL).header('etag', answer.etag);
    if (matchesEtag(req.headers['if-none-match'], answer.etag)) {
      reply.code(304).send();
      return;
    }
    reply.code(200).header('content-type', 'application/json; charset=utf-8').send(answer.body);
  }
}
