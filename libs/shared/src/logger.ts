import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { maskSecrets } from './secrets.js';
import { traceFields } from './tracing/tracing.js';

export type { Logger };

/**
 * JSON logger for a service (one line per entry, to stdout unless a destination is given); secrets
 * and credentials are redacted wherever they appear.
 */
export function createLogger(service: string, level = 'info', destination?: DestinationStream): Logger {
  const options: LoggerOptions = {
    name: service,
    level,
    base: { service },
    // Every line written inside a traced request, RPC or event names its trace (empty while tracing is off).
    mixin: traceFields,
    serializers: { err: safeError },
    // A message may echo what a driver was given (a connection string): no credential leaves in it.
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((a) => (typeof a === 'string' ? maskSecrets(a) : a)) as Parameters<typeof method>);
      },
    },
    redact: {
      paths: [
        'password',
        '*.password',
        '*.currentPassword',
        '*.newPassword',
        'token',
        '*.token',
        'authorization',
        '*.authorization',
        'cookie',
        '*.cookie',
      ],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** Logs an error's kind, message and stack, never the SQL, its parameters or driver internals it may carry. */
function safeError(err: unknown): unknown {
  if (!(err instanceof Error)) return typeof err === 'string' ? maskSecrets(err) : err;
  const e = err as Error & { code?: unknown; driverError?: { code?: unknown } };
  const code = e.driverError?.code ?? e.code;
  const message = 'query' in e || 'parameters' in e ? `${e.name} (SQLSTATE ${String(code)})` : e.message;
  return {
    type: e.name,
    message: maskSecrets(message),
    code,
    stack: e.stack ? maskSecrets(e.stack.split('\n').slice(1).join('\n')) : undefined,
  };
}
