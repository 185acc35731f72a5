import { Inject, Injectable } from '@nestjs/common';
import { DomainError, RpcClient, clientBucket, parseOrThrow, type MessageContract } from '@garage/shared';
import type { z } from 'zod';
import type { GatewayReply, GatewayRequest } from './gateway-request.js';

/**
 * Turns an HTTP request into a NATS request for its contract: path params name the resource,
 * the payload is validated here (400 with details) and again by the service, and a successful
 * reply's JSON bytes go to the client as they are.
 */
@Injectable()
export class RpcForwarder {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  /** Validated payload of a request for a contract. */
  payloadOf<C extends MessageContract>(contract: C, req: GatewayRequest): z.output<C['request']> {
    const params = (req.params ?? {}) as Record<string, string>;
    const source = contract.http?.method === 'GET' ? req.query : req.body;
    if (source !== undefined && source !== null && (typeof source !== 'object' || Array.isArray(source))) {
      return parseOrThrow(contract.request, source) as z.output<C['request']>;
    }
    const fields = (source ?? {}) as Record<string, unknown>;
    // The URL names the resource; a body that names another one is refused, never silently redirected.
    const clash = Object.keys(params).filter((k) => k in fields && fields[k] !== params[k]);
    if (clash.length) {
      throw new DomainError(
        'VALIDATION_FAILED',
        'The body names another resource than the URL',
        clash.map((field) => ({ field, message: 'must match the URL or be left out' })),
      );
    }
    return parseOrThrow(contract.request, { ...fields, ...params }) as z.output<C['request']>;
  }

  /** Sends the request and returns the reply's raw JSON bytes. */
  call<C extends MessageContract>(
    contract: C,
    req: GatewayRequest,
    payload = this.payloadOf(contract, req),
  ): Promise<Uint8Array> {
    return this.rpc.requestRaw(
      contract.pattern,
      { principal: req.principal ?? null, payload, clientIp: clientBucket(req.ip) },
      { requestId: String(req.id) },
    );
  }

  /** Forwards and answers: the contract's success status and the service's JSON, untouched. */
  async forward<C extends MessageContract>(contract: C, req: GatewayRequest, reply: GatewayReply): Promise<void> {
    const body = await this.call(contract, req);
    const status = contract.http?.status ?? 200;
    if (status === 204) {
      reply.code(204).send();
      return;
    }
    reply.code(status).header('content-type', 'application/json; charset=utf-8').send(Buffer.from(body));
  }
}

/** Parses reply bytes when the gateway needs to look inside (login, to set the cookie). */
export function parseReply<T>(bytes: Uint8Array): T {
  return JSON.parse(Buffer.from(bytes).toString('utf8')) as T;
}
