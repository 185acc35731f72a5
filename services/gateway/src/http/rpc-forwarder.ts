import { Inject, Injectable } from '@nestjs/common';
import {
  DomainError,
  RpcClient,
  clientBucket,
  parseOrThrow,
  type MessageContract,
  type RpcEnvelope,
  type TrustedDevice,
} from '@garage/shared';
import type { z } from 'zod';
import type { GatewayReply, GatewayRequest } from './gateway-request.js';
import { headerFieldsOf } from './header-fields.js';

/**
 * Turns an HTTP request into a NATS request for its contract: path params name the resource,
 * a few fields come from headers (header-fields.ts), the payload is validated here (400 with
 * details) and again by the service, and a successful reply's JSON bytes go to the client as they are.
 */
@Injectable()
export class RpcForwarder {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  /** Validated payload of a request for a contract (the schema's output: defaults, coercions, transforms). */
  payloadOf<C extends MessageContract>(contract: C, req: GatewayRequest): z.output<C['request']> {
    return parseOrThrow(contract.request, this.inputOf(contract, req)) as z.output<C['request']>;
  }

  /**
   * What a forwarded request carries: the client's own fields, once they passed the contract (400
   * otherwise). The service parses them with the same schema; sending the parsed output instead would
   * hand it values its schema does not take as input (`serviceIds=a,b` is a string in, a list out).
   */
  private validInputOf(contract: MessageContract, req: GatewayRequest): unknown {
    const input = this.inputOf(contract, req);
    parseOrThrow(contract.request, input);
    return input;
  }

  /** The request's fields as sent: body (or query), URL params and header-borne fields, not yet validated. */
  private inputOf(contract: MessageContract, req: GatewayRequest): unknown {
    const params = (req.params ?? {}) as Record<string, string>;
    const source = contract.http?.method === 'GET' ? req.query : req.body;
    if (source !== undefined && source !== null && (typeof source !== 'object' || Array.isArray(source))) return source;
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
    return { ...fields, ...params, ...headerFieldsOf(contract, req, fields) };
  }

  /** Sends the request (a sign-in with the client's trusted device, if any) and returns the reply's raw JSON bytes. */
  call<C extends MessageContract>(
    contract: C,
    req: GatewayRequest,
    payload: unknown = this.validInputOf(contract, req),
    device?: TrustedDevice,
  ): Promise<Uint8Array> {
    const envelope = this.envelope(req, payload);
    if (device) envelope.device = device;
    return this.rpc.requestRaw(contract.pattern, envelope, { requestId: String(req.id) });
  }

  /**
   * Asks a service for something the gateway composes (never passed through as bytes): the same
   * envelope as forward, and the reply parsed by the contract (RpcClient.request), so a service
   * answering off-contract is a logged 500 here, not a malformed merge.
   */
  ask<C extends MessageContract>(
    contract: C,
    req: GatewayRequest,
    payload: z.input<C['request']>,
  ): Promise<z.output<C['response']>> {
    return this.rpc.request(contract, this.envelope(req, payload), { requestId: String(req.id) });
  }

  private envelope<P>(req: GatewayRequest, payload: P): RpcEnvelope<P> {
    return { principal: req.principal ?? null, payload, clientIp: clientBucket(req.ip) };
  }

  /** Forwards and answers: the contract's success status and the service's JSON, untouched. */
  async forward<C extends MessageContract>(
    contract: C,
    req: GatewayRequest,
    reply: GatewayReply,
    payload: unknown = this.validInputOf(contract, req),
  ): Promise<void> {
    const body = await this.call(contract, req, payload);
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
