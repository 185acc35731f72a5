import pino, { type Logger } from 'pino';

export type { Logger };

/** JSON logger for a service; secrets and credentials are redacted wherever they appear. */
export function createLogger(service: string, level = 'info'): Logger {
  return pino({
    name: service,
    level,
    base: { service },
    serializers: { err: safeError },
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
  });
}

/** Logs an error's kind, message and stack, never the SQL, its parameters or driver internals it may carry. */
function safeError(err: unknown): unknown {
  if (!(err instanceof Error)) return err;
  const e = err as Error & { code?: unknown; driverError?: { code?: unknown } };
  const code = e.driverError?.code ?? e.code;
  const message = 'query' in e || 'parameters' in e ? `${e.name} (SQLSTATE ${String(code)})` : e.message;
  return { type: e.name, message, code, stack: e.stack?.split('\n').slice(1).join('\n') };
}
