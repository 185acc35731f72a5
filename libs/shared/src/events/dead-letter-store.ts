import { randomBytes } from 'node:crypto';
import { nanos } from '@nats-io/transport-node';
import {
  AckPolicy,
  DeliverPolicy,
  JetStreamApiError,
  type JetStreamClient,
  type JetStreamManager,
} from '@nats-io/jetstream';
import { z } from 'zod';
import {
  deadLetterFilter,
  deadLetterStreamName,
  deadLetterSubject,
  isDeadLetterOf,
  type DeadLetterRecord,
} from './dead-letter.js';

/** A dead letter as the stream holds it: the record and its sequence there (its id within the stream). */
export interface StoredDeadLetter extends DeadLetterRecord {
  seq: number;
}

const StoredRecord = z.object({
  durable: z.string(),
  type: z.string(),
  event: z.object({ id: z.string(), type: z.string(), occurredAt: z.string(), data: z.unknown() }).nullable(),
  unreadable: z.string().nullable(),
  streamSeq: z.number(),
  deliveries: z.number(),
  error: z.string(),
  deadAt: z.string(),
});

/** JetStream's "no message with that sequence" (already deleted). */
const NO_MESSAGE = 10043;
/** The first window a page looks back over, in stream sequences; it grows fourfold while the page is short. */
const FIRST_WINDOW = 256;
/** A reader consumer the server removes by itself if this process dies before deleting it. */
const READER_IDLE_MS = 30_000;

/**
 * The dead-letter stream of a deployment, as one service sees it: it adds its consumers' dead
 * letters, pages through them newest first, reads, and removes one after a replay. Each durable's
 * dead letters are the subjects `<prefix>.dead-letters.<durable>.<type>`, so a page filters on the
 * server, and a service's NATS user may read only its own durables' (nats/permissions.ts).
 */
export class DeadLetterStore {
  readonly stream: string;

  constructor(
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly prefix: string,
  ) {
    this.stream = deadLetterStreamName(prefix);
  }

  /**
   * Keeps a dead letter and resolves with its sequence once the stream has it. The same event
   * given up twice by one durable within the dedupe window (a consumer that died before it could
   * let go of the event) is kept once: the second time says `duplicate` and the first one's sequence.
   */
  async add(record: DeadLetterRecord): Promise<{ seq: number; duplicate: boolean }> {
    const ack = await this.js.publish(
      deadLetterSubject(this.prefix, record.durable, record.type),
      JSON.stringify(record),
      { msgID: `${record.durable}:${record.event?.id ?? `seq-${record.streamSeq}`}` },
    );
    return { seq: ack.seq, duplicate: ack.duplicate };
  }

  /** The dead letter at `seq` if it is one of `durable`'s and still there, else null. */
  async get(durable: string, seq: number): Promise<StoredDeadLetter | null> {
    const msg = await this.jsm.streams.getMessage(this.stream, { seq });
    if (!msg || !isDeadLetterOf(this.prefix, durable, msg.subject)) return null;
    return this.parse(seq, msg.data);
  }

  /** Removes a dead letter (after its replay); false if it was already gone. */
  async remove(seq: number): Promise<boolean> {
    try {
      return await this.jsm.streams.deleteMessage(this.stream, seq, false);
    } catch (err) {
      if (err instanceof JetStreamApiError && err.code === NO_MESSAGE) return false;
      throw err;
    }
  }

  /** How many dead letters of a durable wait for a replay. */
  async waiting(durable: string): Promise<number> {
    const info = await this.jsm.streams.info(this.stream, { subjects_filter: deadLetterFilter(this.prefix, durable) });
    return Object.values(info.state.subjects ?? {}).reduce((sum, n) => sum + n, 0);
  }

  /**
   * One page of a durable's dead letters (of one type, if given), newest first, with sequences
   * below `before`. JetStream reads forward only, so it counts backwards: a reader consumer started
   * at a sequence tells how many matching messages lie from there on, so each look back over a
   * window (growing fourfold until the page is full or the stream's start is reached) fetches
   * exactly the matches in it. `more`: older ones remain.
   */
  async page(
    durable: string,
    options: { type?: string; before?: number; limit: number },
  ): Promise<{ items: StoredDeadLetter[]; more: boolean }> {
    const filter = deadLetterFilter(this.prefix, durable, options.type);
    const { state } = await this.jsm.streams.info(this.stream);
    // An empty stream that never held anything says 0 for its first sequence.
    const [first, last] = [Math.max(1, state.first_seq), state.last_seq];
    let upper = Math.min(options.before ?? Infinity, last + 1);
    let above = upper > last ? 0 : await this.matchingFrom(filter, upper);
    let window = FIRST_WINDOW;
    const found: StoredDeadLetter[] = [];
    while (found.length <= options.limit && upper > first) {
      const from = Math.max(first, upper - window);
      const { items, matching } = await this.read(filter, from, upper, above);
      found.push(...items.reverse());
      above = matching;
      upper = from;
      window *= 4;
    }
    return { items: found.slice(0, options.limit), more: found.length > options.limit };
  }

  /** How many messages of the filter lie at `seq` and after. */
  private async matchingFrom(filter: string, seq: number): Promise<number> {
    return (await this.read(filter, seq, seq, 0)).matching;
  }

  /** The filter's messages in [from, upper), oldest first, given `above` of them at `upper` and after. */
  private async read(
    filter: string,
    from: number,
    upper: number,
    above: number,
  ): Promise<{ items: StoredDeadLetter[]; matching: number }> {
    const name = `dead-letter-reader-${randomBytes(8).toString('hex')}`;
    const info = await this.jsm.consumers.add(this.stream, {
      name,
      filter_subject: filter,
      deliver_policy: DeliverPolicy.StartSequence,
      opt_start_seq: from,
      ack_policy: AckPolicy.Explicit,
      inactive_threshold: nanos(READER_IDLE_MS),
      mem_storage: true,
      num_replicas: 1,
    });
    const items: StoredDeadLetter[] = [];
    try {
      const wanted = info.num_pending - above;
      if (wanted > 0 && from < upper) {
        const consumer = await this.js.consumers.get(this.stream, name);
        for await (const msg of await consumer.fetch({ max_messages: wanted, expires: 2000 })) {
          // One removed meanwhile makes the window's last message the end; one added meanwhile is past it.
          if (msg.seq >= upper) break;
          const item = this.parse(msg.seq, msg.data);
          if (item) items.push(item);
          if (msg.info.pending <= above) break;
        }
      }
    } finally {
      await this.jsm.consumers.delete(this.stream, name).catch(() => undefined);
    }
    return { items, matching: info.num_pending };
  }

  private parse(seq: number, data: Uint8Array): StoredDeadLetter | null {
    try {
      const record = StoredRecord.safeParse(JSON.parse(Buffer.from(data).toString('utf8')));
      return record.success ? { ...record.data, seq } : null;
    } catch {
      return null;
    }
  }
}
