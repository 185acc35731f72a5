import type { Readable, Writable } from 'node:stream';

/** How `npm start` shows the services' logs: as they are (JSON lines) or one readable line each. */
export type LogFormat = 'json' | 'pretty';

/** LOG_FORMAT if set (json or pretty), else pretty in a terminal and JSON into a file or pipe. */
export function logFormatOf(env: NodeJS.ProcessEnv, isTTY: boolean): LogFormat {
  const asked = env.LOG_FORMAT?.trim().toLowerCase();
  if (asked === 'json' || asked === 'pretty') return asked;
  return isTTY ? 'pretty' : 'json';
}

const LEVELS: Record<number, { name: string; color: string }> = {
  10: { name: 'TRACE', color: '90' },
  20: { name: 'DEBUG', color: '36' },
  30: { name: 'INFO ', color: '32' },
  40: { name: 'WARN ', color: '33' },
  50: { name: 'ERROR', color: '31' },
  60: { name: 'FATAL', color: '35' },
};
// What the line already shows, or what nobody reading a terminal needs.
const SHOWN = new Set(['time', 'level', 'service', 'name', 'msg', 'pid', 'hostname', 'spanId']);
const MAX_VALUE = 80;

/**
 * One pino JSON line as one readable line: `12:04:05.123 bookings  INFO  message  key=value …`.
 * An error shows its type and message (its stack stays in the JSON); the trace id is shortened to
 * its first 8 characters. A line that is not a pino entry comes back unchanged.
 */
export function formatLogLine(line: string, color = false): string {
  let entry: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(line);
    if (typeof parsed !== 'object' || parsed === null || typeof (parsed as { level?: unknown }).level !== 'number') {
      return line;
    }
    entry = parsed as Record<string, unknown>;
  } catch {
    return line;
  }
  const paint = (code: string, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const level = LEVELS[entry.level as number] ?? { name: String(entry.level).padEnd(5), color: '0' };
  const time = typeof entry.time === 'number' ? new Date(entry.time).toISOString().slice(11, 23) : '';
  const service = String(entry.service ?? entry.name ?? '').padEnd(9);
  const tail = Object.entries(entry)
    .filter(([key, value]) => !SHOWN.has(key) && value !== undefined)
    .map(([key, value]) => `${key}=${shortValue(key, value)}`)
    .join(' ');
  const message = typeof entry.msg === 'string' ? entry.msg : '';
  return [paint('90', time), paint('1', service), paint(level.color, level.name), message, tail && paint('90', tail)]
    .filter(Boolean)
    .join('  ');
}

function shortValue(key: string, value: unknown): string {
  if (key === 'traceId' && typeof value === 'string') return value.slice(0, 8);
  if (key === 'err' && typeof value === 'object' && value !== null) {
    const err = value as { type?: unknown; message?: unknown };
    return JSON.stringify(`${String(err.type ?? 'Error')}: ${String(err.message ?? '')}`);
  }
  const text = typeof value === 'string' && /^[^\s"=]+$/.test(value) ? value : JSON.stringify(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

/** Copies a child's output to `out` line by line, each formatted (a partial last line waits for its end). */
export function prettyPipe(from: Readable, out: Writable, color: boolean): void {
  let pending = '';
  from.setEncoding('utf8');
  from.on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    if (lines.length) out.write(lines.map((l) => formatLogLine(l, color)).join('\n') + '\n');
  });
  from.on('end', () => {
    if (pending) out.write(formatLogLine(pending, color) + '\n');
  });
}
