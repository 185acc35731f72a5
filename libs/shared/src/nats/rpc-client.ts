import { headers, RequestError, TimeoutError, type NatsConnection } from '@nats-io/transport-node';
import type { z } from 'zod';
import type { MessageContract } from '../contracts/contract.js';
import { DomainError, asWireError } from '../errors.js';
import { ERROR_HEADER, REQUEST_ID_HEADER, subjectOf } from './connect.js';
import type { RpcEnvelope } from './rpc-envelope.js';

export interface RpcCallOptions {
  requestId?: string;
  timeoutMs?: number;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** NATS request/reply client: every call has a timeout; failures become typed domain errors. */
export class RpcClient {
  constructor(
    private readonly nc: NatsConnection,
    private readonly prefix: string,
    private readonly timeoutMs: number,
  ) {}

  /** Sends a request and returns the raw JSON bytes of a successful reply (no parse/re-serialize on hot paths). */
  async requestRaw(pattern: string, envelope: RpcEnvelope, options: RpcCallOptions = {}): Promise<Uint8Array> {
    const hdrs = headers();
    if (options.requestId) hdrs.set(REQUEST_ID_HEADER, options.requestId);
    const timeout = options.timeoutMs ?? this.timeoutMs;
    let reply;
    try {
      reply = await this.nc.request(subjectOf(this.prefix, pattern), encoder.encode(JSON.stringify(envelope)), {
        timeout,
        headers: hdrs,
      });
    } catch (err) {
      throw this.transportError(pattern, err);
    }
    if (reply.headers?.get(ERROR_HEADER)) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(decoder.decode(reply.data));
      } catch {
        parsed = null;
      }
      const wire = asWireError(parsed);
      if (!wire) throw new DomainError('INTERNAL', 'Internal error');
      throw new DomainError(wire.code, wire.message, wire.details, wire.retryAfter);
    }
    return reply.data;
  }

  /** Sends a request and parses the reply as the contract's response. */
  async request<C extends MessageContract>(
    contract: C,
    envelope: RpcEnvelope<z.input<C['request']>>,
    options: RpcCallOptions = {},
  ): Promise<z.output<C['response']>> {
    const raw = await this.requestRaw(contract.pattern, envelope, options);
    return JSON.parse(decoder.decode(raw)) as z.output<C['response']>;
  }

  private transportError(pattern: string, err: unknown): DomainError {
    const service = pattern.split('.')[0];
    if (err instanceof RequestError && err.isNoResponders()) {
      return new DomainError('SERVICE_UNAVAILABLE', `The ${service} service is unavailable`);
    }
    if (err instanceof TimeoutError || (err instanceof Error && err.cause instanceof TimeoutError)) {
      return new DomainError('SERVICE_UNAVAILABLE', `The ${service} service did not answer in time`);
    }
    return new DomainError('SERVICE_UNAVAILABLE', `The ${service} service cannot be reached`);
  }
}
