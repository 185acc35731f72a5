import { Injectable } from '@nestjs/common';
import {
  CONSUMING_SERVICES,
  DomainError,
  deadLetterContracts,
  gateway,
  mergeDeadLetterPages,
  ownerOfDurable,
  parseDeadLetterId,
  type DeadLetter,
} from '@garage/shared';
import { RpcForwarder } from '../http/rpc-forwarder.js';
import type { GatewayReply, GatewayRequest } from '../http/gateway-request.js';

/**
 * Dead letters live with the services whose consumers gave them up: the list asks every consuming
 * service at once (only the owner with ?durable=) and merges their newest-first pages under one
 * cursor (a sequence of the one dead-letter stream). A service that does not answer fails the
 * page (503): a list silently missing one service's dead letters would tell an admin all is well.
 * A replay goes to the service that runs the dead letter's durable, named by its id.
 */
@Injectable()
export class DeadLettersService {
  constructor(private readonly rpc: RpcForwarder) {}

  async list(req: GatewayRequest): Promise<{ items: DeadLetter[]; nextCursor: string | null }> {
    const query = this.rpc.payloadOf(gateway.listDeadLetters, req);
    const owners = query.durable ? [ownerOfDurable(query.durable)!] : CONSUMING_SERVICES;
    const pages = await Promise.all(owners.map((s) => this.rpc.ask(deadLetterContracts(s).list, req, query)));
    return mergeDeadLetterPages(pages, query.limit);
  }

  replay(req: GatewayRequest, reply: GatewayReply): Promise<void> {
    const { id } = this.rpc.payloadOf(gateway.replayDeadLetter, req);
    const owner = ownerOfDurable(parseDeadLetterId(id).durable);
    if (!owner) throw new DomainError('NOT_FOUND', 'No such dead letter');
    return this.rpc.forward(deadLetterContracts(owner).replay, req, reply, { id });
  }
}
