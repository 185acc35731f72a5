import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  context,
  createContextKey,
  trace,
  type Attributes,
  type Context,
  type Span,
  type TextMapGetter,
  type Tracer,
} from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

/** What a traced unit of work is, in OpenTelemetry's terms. */
export type SpanRole = 'server' | 'client' | 'producer' | 'consumer' | 'internal';

/** Where a `traceparent` may come from: HTTP headers (a plain object) or NATS headers (`get`). */
export type TraceCarrier = Record<string, unknown> | { get(key: string): string } | null | undefined;

/** The variables that switch tracing on (OTEL_EXPORTER_OTLP_ENDPOINT) and name the service in traces. */
export interface TracingConfig {
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;
  OTEL_SERVICE_NAME?: string;
}

/** A span in progress that an entry point (HTTP, RPC, event) runs its work in. */
export interface TracedWork {
  readonly traceId: string;
  /** Runs fn with this span active: SQL, RPC calls, events and log lines inside belong to it. */
  run<T>(fn: () => T): T;
  setAttribute(key: string, value: string | number | boolean): void;
  end(failed?: boolean): void;
}

const KINDS: Record<SpanRole, SpanKind> = {
  server: SpanKind.SERVER,
  client: SpanKind.CLIENT,
  producer: SpanKind.PRODUCER,
  consumer: SpanKind.CONSUMER,
  internal: SpanKind.INTERNAL,
};

// The service's tracer travels in the context, so shared code (Sql, RpcClient, appendEvent) traces
// for the service whose work it is doing, even with several services in one process (tests).
const TRACER = createContextKey('garage.tracer');
// The request id of the traced work, for its log lines (services get it in the RPC's headers).
const REQUEST_ID = createContextKey('garage.request_id');
const w3c = new W3CTraceContextPropagator();
const headerGetter: TextMapGetter<TraceCarrier> = {
  get(carrier, key) {
    if (!carrier) return undefined;
    if (typeof (carrier as { get?: unknown }).get === 'function') {
      return (carrier as { get(key: string): string }).get(key) || undefined;
    }
    const value = (carrier as Record<string, unknown>)[key];
    return typeof value === 'string' || Array.isArray(value) ? (value as string | string[]) : undefined;
  },
  keys: () => [],
};
let contextManagerInstalled = false;

/**
 * A service's tracing. Off (every method a no-op, no context manager installed, nothing allocated
 * per request) unless OTEL_EXPORTER_OTLP_ENDPOINT is set; then spans go to that OTLP/HTTP endpoint
 * in batches, named for OTEL_SERVICE_NAME or the service.
 */
export class Tracing {
  static readonly off = new Tracing(undefined);

  private constructor(private readonly provider: TracerProvider | undefined) {
    this.tracer = provider?.getTracer('@garage/shared');
  }

  private readonly tracer: Tracer | undefined;

  /** Tracing for a service from its config: off without OTEL_EXPORTER_OTLP_ENDPOINT. */
  static start(service: string, config: TracingConfig): Tracing {
    const endpoint = config.OTEL_EXPORTER_OTLP_ENDPOINT;
    if (!endpoint) return Tracing.off;
    if (!contextManagerInstalled) {
      context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
      contextManagerInstalled = true;
    }
    const exporter = new OTLPTraceExporter({ url: `${endpoint.replace(/\/+$/, '')}/v1/traces` });
    const provider = new TracerProvider({
      resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: config.OTEL_SERVICE_NAME || service }),
      spanProcessors: [new BatchSpanProcessor({ exporter, scheduledDelayMillis: 1000 })],
    });
    return new Tracing(provider);
  }

  get enabled(): boolean {
    return this.tracer !== undefined;
  }

  /**
   * Starts the span of an entry point: continues the trace named by the carrier's `traceparent`
   * (ignored when malformed), else starts a new trace. Undefined while tracing is off.
   */
  begin(
    name: string,
    role: SpanRole,
    carrier?: TraceCarrier,
    attributes?: Attributes,
    requestId?: string,
  ): TracedWork | undefined {
    const tracer = this.tracer;
    if (!tracer) return undefined;
    const parent = carrier ? w3c.extract(ROOT_CONTEXT, carrier, headerGetter) : ROOT_CONTEXT;
    const span = tracer.startSpan(name, { kind: KINDS[role], attributes }, parent);
    if (requestId) span.setAttribute('garage.request_id', requestId);
    let ctx = trace.setSpan(parent.setValue(TRACER, tracer), span);
    if (requestId) ctx = ctx.setValue(REQUEST_ID, requestId);
    return tracedWork(span, ctx);
  }

  /** Runs work as an entry point's span (see begin); a throw marks the span failed. */
  trace<T>(
    name: string,
    role: SpanRole,
    carrier: TraceCarrier,
    work: () => Promise<T>,
    requestId?: string,
  ): Promise<T> {
    const traced = this.begin(name, role, carrier, undefined, requestId);
    return traced ? endWith(traced, traced.run(work)) : work();
  }

  /** Sends the spans still buffered and stops exporting. */
  async shutdown(): Promise<void> {
    await this.provider?.shutdown().catch(() => undefined);
  }
}

function tracedWork(span: Span, ctx: Context): TracedWork {
  return {
    traceId: span.spanContext().traceId,
    run: (fn) => context.with(ctx, fn),
    setAttribute: (key, value) => span.setAttribute(key, value),
    end(failed = false) {
      if (failed) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    },
  };
}

/**
 * Starts a child span of the work in progress (a query, an outgoing request), with the tracer of
 * the service doing it; undefined outside traced work, which is always the case while tracing is off
 * (describe is not even called then). `carrier` receives the child's `traceparent` (to send it on).
 */
export function beginChildSpan(
  role: SpanRole,
  describe: () => { name: string; attributes?: Attributes },
  carrier?: { set(key: string, value: string): void },
): TracedWork | undefined {
  const active = context.active();
  const tracer = active.getValue(TRACER) as Tracer | undefined;
  if (!tracer) return undefined;
  const { name, attributes } = describe();
  const span = tracer.startSpan(name, { kind: KINDS[role], attributes }, active);
  const ctx = trace.setSpan(active, span);
  if (carrier) w3c.inject(ctx, carrier, { set: (c, k, v) => c.set(k, v) });
  return tracedWork(span, ctx);
}

/** Ends a child span when its promise settles (failed if it rejects); the promise itself when there is none. */
export function endWith<T>(span: TracedWork | undefined, promise: Promise<T>): Promise<T> {
  if (!span) return promise;
  return promise.then(
    (value) => {
      span.end();
      return value;
    },
    (err: unknown) => {
      span.end(true);
      throw err;
    },
  );
}

/** The W3C `traceparent` of the work in progress (stored with an outbox row), or null outside a span. */
export function currentTraceparent(): string | null {
  const span = trace.getSpan(context.active());
  if (!span) return null;
  let value: string | null = null;
  w3c.inject(context.active(), null, { set: (_c, key, v) => key === 'traceparent' && (value = v) });
  return value;
}

/** Marks the span of the work in progress (an RPC answered with an error code, say); nothing outside a span. */
export function annotateSpan(key: string, value: string | number | boolean, failed = false): void {
  const span = trace.getSpan(context.active());
  if (!span) return;
  span.setAttribute(key, value);
  if (failed) span.setStatus({ code: SpanStatusCode.ERROR });
}

/** Writes the `traceparent` of the work in progress into outgoing headers (nothing outside a span). */
export function injectTraceparent(carrier: { set(key: string, value: string): void }): void {
  w3c.inject(context.active(), carrier, { set: (c, k, v) => c.set(k, v) });
}

/**
 * The trace and span ids (and request id) of the work in progress, for a log line: a new object
 * (pino's mixin fills it), empty outside a span. A line's own requestId field wins over this one.
 */
export function traceFields(): { traceId?: string; spanId?: string; requestId?: string } {
  const active = context.active();
  const span = trace.getSpan(active);
  if (!span) return {};
  const { traceId, spanId } = span.spanContext();
  const requestId = active.getValue(REQUEST_ID) as string | undefined;
  return requestId ? { requestId, traceId, spanId } : { traceId, spanId };
}
