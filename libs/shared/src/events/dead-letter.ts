import { ZodError } from 'zod';
import { DomainError, toWireError } from '../errors.js';
import type { DomainEvent } from './event.js';

/**
 * A dead letter: an event one durable consumer could not handle after EVENT_MAX_DELIVERIES tries
 * (or could not even read), kept on the dead-letter stream until an admin replays it.
 */
export interface DeadLetterRecord {
  /** The durable consumer it failed in: a replay goes to that consumer only. */
  durable: string;
  /** Its type, from the subject it travelled on (also known when the body was unreadable). */
  type: string;
  /** The event as published; null when its body was not an event (then `unreadable` holds the start of it). */
  event: DomainEvent | null;
  unreadable: string | null;
  /** Its sequence on the event stream. */
  streamSeq: number;
  /** How many times it was delivered to the consumer. */
  deliveries: number;
  /** The last error, short and safe to show (no stack, no SQL): the full one is in the log, once. */
  error: string;
  /** When it was dead-lettered (ISO). */
  deadAt: string;
}

/** The JetStream stream of a deployment's dead letters (one per NATS_PREFIX, like the event stream). */
export function deadLetterStreamName(prefix: string): string {
  return `${prefix}_dead_letters`;
}

/** The subject a dead letter is kept under: by durable then type, so either can filter a listing. */
export function deadLetterSubject(prefix: string, durable: string, type: string): string {
  return `${prefix}.dead-letters.${durable}.${type}`;
}

/** The subjects of one durable's dead letters (of one type, if given). */
export function deadLetterFilter(prefix: string, durable: string, type?: string): string {
  return deadLetterSubject(prefix, durable, type ?? '>');
}

/** Whether a subject of the dead-letter stream holds one of `durable`'s dead letters. */
export function isDeadLetterOf(prefix: string, durable: string, subject: string): boolean {
  return subject.startsWith(`${prefix}.dead-letters.${durable}.`);
}

/** How much of an unreadable body a dead letter keeps, and how long its error may be. */
const UNREADABLE_KEPT = 1000;
const REASON_MAX = 200;

/** The start of a body that is not an event, as text, for an admin to recognise it. */
export function unreadableText(data: Uint8Array): string {
  return Buffer.from(data.subarray(0, UNREADABLE_KEPT * 4))
    .toString('utf8')
    .slice(0, UNREADABLE_KEPT);
}

/**
 * Why an event failed, in a line an admin may read through the API: a domain rule's code and
 * message; "a backing service is unavailable" for a database or socket that is away; a database
 * error's SQLSTATE and constraint only (its message may hold data); data that fails its schema, the
 * first issue; otherwise the error's name
 * and first line, unless that line looks like SQL. Never a stack.
 */
export function deadLetterReason(err: unknown): string {
  if (err instanceof DomainError) return clip(`${err.code}: ${err.message}`);
  const wire = toWireError(err);
  if (wire.code !== 'INTERNAL') return clip(wire.message);
  if (!(err instanceof Error)) return 'Unknown error';
  if (err instanceof ZodError) {
    const issue = err.issues[0];
    return clip(`Invalid event data: ${issue ? `${issue.path.join('.') || '(event)'}: ${issue.message}` : err.name}`);
  }
  const e = err as Error & { code?: unknown; driverError?: { code?: unknown; constraint?: unknown } };
  const sqlState = e.driverError?.code ?? e.code;
  if (typeof sqlState === 'string' && /^[0-9A-Z]{5}$/.test(sqlState)) {
    const constraint = e.driverError?.constraint;
    return clip(
      `Database error (SQLSTATE ${sqlState}${typeof constraint === 'string' ? `, constraint ${constraint}` : ''})`,
    );
  }
  const line = e.message.split('\n')[0]!.trim();
  if (!line || /\b(select|insert|update|delete)\b[\s\S]*\b(from|into|set|where)\b/i.test(line)) return e.name;
  return clip(`${e.name}: ${line}`);
}

function clip(text: string): string {
  return text.length > REASON_MAX ? `${text.slice(0, REASON_MAX - 1)}…` : text;
}
