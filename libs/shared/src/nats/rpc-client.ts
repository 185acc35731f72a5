import { createInbox, headers, type Msg, type NatsConnection, type Subscription } from '@nats-io/transport-node';
import type { z } from 'zod';
import type { MessageContract } from '../contracts/contract.js';
import { DomainError, asWireError } from '../errors.js';
import { ERROR_HEADER, REQUEST_ID_HEADER, inboxPrefixOf, subjectOf } from './connect.js';
import type { RpcEnvelope } from './rpc-envelope.js';
import { beginChildSpan, endWith } from '../tracing/tracing.js';

export interface RpcCallOptions {
  requestId?: string;
  timeoutMs?: number;
}

interface Pending {
  resolve: (data: Uint8Array) => void;
  reject: (err: DomainError) => void;
  timer: NodeJS.Timeout;
  service: string;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * NATS request/reply client. Every call has a timeout; failures become typed domain errors.
 * Replies arrive on ONE wildcard inbox subscription made at construction (not a subscription
 * per request), and the client keeps its own table of pending calls, so a request costs one
 * publish, one timer and one map entry.
 */
export class RpcClient {
  private readonly inbox: string;
  private readonly pending = new Map<string, Pending>();
  private readonly subscription: Subscription;
  private sequence = 0;

  constructor(
    private readonly nc: NatsConnection,
    private readonly prefix: string,
    private readonly timeoutMs: number,
  ) {
    this.inbox = `${createInbox(inboxPrefixOf(nc))}.`;
    this.subscription = nc.subscribe(`${this.inbox}*`, { callback: (_err, msg) => this.settle(msg) });
  }

  /** Sends a request and returns the raw JSON bytes of a successful reply (no parse/re-serialize on hot paths). */
  requestRaw(pattern: string, envelope: RpcEnvelope, options: RpcCallOptions = {}): Promise<Uint8Array> {
    const service = pattern.slice(0, pattern.indexOf('.'));
    const token = (++this.sequence).toString(36);
    const timeout = options.timeoutMs ?? this.timeoutMs;
    const hdrs = headers();
    if (options.requestId) hdrs.set(REQUEST_ID_HEADER, options.requestId);
    // Inside traced work: a client span, its traceparent sent on so the service continues the trace.
    const span = beginChildSpan(
      'client',
      () => ({ name: pattern, attributes: { 'rpc.system.name': 'nats', 'rpc.method': pattern } }),
      hdrs,
    );
    const reply = new Promise<Uint8Array>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(token);
        reject(new DomainError('SERVICE_UNAVAILABLE', `The ${service} service did not answer in time`));
      }, timeout);
      this.pending.set(token, { resolve, reject, timer, service });
      try {
        this.nc.publish(
          subjectOf(this.prefix, pattern),
          encoder.encode(JSON.stringify({ ...envelope, timeoutMs: timeout })),
          {
            reply: `${this.inbox}${token}`,
            headers: hdrs,
          },
        );
      } catch {
        clearTimeout(timer);
        this.pending.delete(token);
        reject(new DomainError('SERVICE_UNAVAILABLE', `The ${service} service cannot be reached`));
      }
    });
    return endWith(span, reply);
  }

  /**
   * Sends a request and parses the reply by the contract's response schema: parse, don't trust. A
   * reply of another shape (a service of another version, a bug) is an INTERNAL error here, never
   * a value that goes on to poison a cache or a composed answer.
   */
  async request<C extends MessageContract>(
    contract: C,
    envelope: RpcEnvelope<z.input<C['request']>>,
    options: RpcCallOptions = {},
  ): Promise<z.output<C['response']>> {
    const raw = await this.requestRaw(contract.pattern, envelope, options);
    let reply: unknown;
    try {
      reply = JSON.parse(decoder.decode(raw));
    } catch {
      reply = undefined;
    }
    const parsed = contract.response.safeParse(reply);
    if (!parsed.success) {
      const service = contract.pattern.slice(0, contract.pattern.indexOf('.'));
      throw new DomainError('INTERNAL', `The ${service} service answered ${contract.pattern} in an unexpected shape`);
    }
    return parsed.data as z.output<C['response']>;
  }

  /** Stops listening for replies; calls still pending fail at once. */
  close(): void {
    this.subscription.unsubscribe();
    for (const [token, call] of this.pending) {
      clearTimeout(call.timer);
      this.pending.delete(token);
      call.reject(new DomainError('SERVICE_UNAVAILABLE', `The ${call.service} service cannot be reached`));
    }
  }

  private settle(msg: Msg): void {
    const token = msg.subject.slice(this.inbox.length);
    const call = this.pending.get(token);
    if (!call) return; // late reply after a timeout
    this.pending.delete(token);
    clearTimeout(call.timer);
    // With no subscriber on the subject, the server itself answers with status 503.
    if (msg.headers?.code === 503 && msg.data.length === 0) {
      call.reject(new DomainError('SERVICE_UNAVAILABLE', `The ${call.service} service is unavailable`));
      return;
    }
    if (msg.headers?.get(ERROR_HEADER)) {
      call.reject(errorFrom(msg.data));
      return;
    }
    call.resolve(msg.data);
  }
}

function errorFrom(data: Uint8Array): DomainError {
  let parsed: unknown;
  try {
    parsed = JSON.parse(decoder.decode(data));
  } catch {
    parsed = null;
  }
  const wire = asWireError(parsed);
  if (!wire) return new DomainError('INTERNAL', 'Internal error');
  return new DomainError(wire.code, wire.message, wire.details, wire.retryAfter);
}
