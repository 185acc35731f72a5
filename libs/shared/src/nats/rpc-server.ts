import { Catch, type RpcExceptionFilter } from '@nestjs/common';
import { BaseRpcContext, Server, type CustomTransportStrategy, type MessageHandler } from '@nestjs/microservices';
import { headers, type Msg, type NatsConnection, type Subscription } from '@nats-io/transport-node';
import { lastValueFrom, throwError, type Observable } from 'rxjs';
import type { Logger } from 'pino';
import { DomainError, toWireError } from '../errors.js';
import type { Metrics } from '../health/health.js';
import { ERROR_HEADER, REQUEST_ID_HEADER, subjectOf } from './connect.js';
import { parseEnvelope, type RpcEnvelope } from './rpc-envelope.js';
import { Tracing, annotateSpan } from '../tracing/tracing.js';

/** Context of one NATS request, available to handlers as `@Ctx()`. */
export class NatsRpcContext extends BaseRpcContext<[subject: string, requestId: string | undefined]> {
  get subject(): string {
    return this.args[0];
  }
  get requestId(): string | undefined {
    return this.args[1];
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const ERROR_HEADERS = (() => {
  const h = headers();
  h.set(ERROR_HEADER, '1');
  return h;
})();

/**
 * Nest microservice transport over core NATS request/reply.
 * Each `@Handles(contract)` (a `@MessagePattern`) becomes a queue-group subscription on `<prefix>.svc.x`,
 * so replicas share the load. Replies are the handler's JSON; errors carry an `x-error` header
 * and a WireError body, never a stack trace.
 */
export class NatsRpcServer extends Server implements CustomTransportStrategy {
  private subscriptions: Subscription[] = [];
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly nc: NatsConnection,
    private readonly options: { prefix: string; queue: string; log: Logger; metrics?: Metrics; tracing?: Tracing },
  ) {
    super();
  }

  listen(callback: (...args: unknown[]) => void): void {
    for (const [pattern, handler] of this.messageHandlers) {
      const subject = subjectOf(this.options.prefix, pattern);
      const sub = this.nc.subscribe(subject, {
        queue: this.options.queue,
        callback: (err, msg) => {
          if (err) {
            this.options.log.error({ err, subject }, 'subscription error');
            return;
          }
          const tracing = this.options.tracing ?? Tracing.off;
          const work = tracing
            .trace(
              pattern,
              'server',
              msg.headers,
              () => this.handleMessage(pattern, handler, msg),
              msg.headers?.get(REQUEST_ID_HEADER) || undefined,
            )
            .catch((error: unknown) => this.options.log.warn({ err: error, subject }, 'could not answer a message'));
          this.inFlight.add(work);
          void work.finally(() => this.inFlight.delete(work));
        },
      });
      this.subscriptions.push(sub);
    }
    callback();
  }

  /** Stops taking new messages, then waits until every message already taken has been answered. */
  async close(): Promise<void> {
    const subs = this.subscriptions;
    this.subscriptions = [];
    await Promise.all(subs.map((s) => s.drain().catch(() => undefined)));
    await Promise.all([...this.inFlight]);
  }

  on(): void {
    // Connection status is watched by the owner of the NatsConnection.
  }

  unwrap<T>(): T {
    return this.nc as T;
  }

  private async handleMessage(pattern: string, handler: MessageHandler, msg: Msg): Promise<void> {
    const requestId = msg.headers?.get(REQUEST_ID_HEADER) || undefined;
    const timer = this.options.metrics?.duration.startTimer({ pattern });
    this.options.metrics?.inFlight.inc({ pattern });
    let outcome = 'ok';
    try {
      const envelope = this.decode(msg.data);
      const result$ = this.transformToObservable(await handler(envelope, new NatsRpcContext([msg.subject, requestId])));
      const result: unknown = await lastValueFrom(result$ as Observable<unknown>, { defaultValue: null });
      if (msg.reply) msg.respond(encoder.encode(JSON.stringify(result ?? null)));
    } catch (err) {
      const wire = toWireError(err);
      outcome = wire.code;
      if (wire.code === 'INTERNAL') this.options.log.error({ err, pattern, requestId }, 'handler failed');
      if (msg.reply) msg.respond(encoder.encode(JSON.stringify(wire)), { headers: ERROR_HEADERS });
    } finally {
      timer?.();
      annotateSpan('garage.outcome', outcome, outcome === 'INTERNAL');
      this.options.log.debug({ pattern, requestId, outcome }, 'answered');
      this.options.metrics?.inFlight.dec({ pattern });
      this.options.metrics?.messages.inc({ pattern, outcome });
    }
  }

  private decode(data: Uint8Array): RpcEnvelope {
    let parsed: unknown;
    try {
      parsed = JSON.parse(decoder.decode(data));
    } catch {
      throw new DomainError('VALIDATION_FAILED', 'Malformed request');
    }
    const envelope = parseEnvelope(parsed);
    if (!envelope) throw new DomainError('VALIDATION_FAILED', 'Malformed request envelope');
    return envelope;
  }
}

/** Lets handler errors reach NatsRpcServer unchanged (Nest's default turns them into "Internal server error"). */
@Catch()
export class PassThroughRpcFilter implements RpcExceptionFilter<unknown> {
  catch(exception: unknown): Observable<never> {
    return throwError(() => exception);
  }
}
