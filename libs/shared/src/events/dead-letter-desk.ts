import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import type { Principal } from '../contracts/common.js';
import { decodeCursorOrThrow } from '../contracts/common.js';
import {
  DeadLetterCursor,
  deadLetterId,
  mergeDeadLetterPages,
  parseDeadLetterId,
  type DeadLetter,
  type DeadLetterQuery,
  type Replayed,
} from '../contracts/dead-letters.contracts.js';
import { inTransaction } from '../db/transactions.js';
import { DomainError, toWireError } from '../errors.js';
import type { Metrics } from '../health/health.js';
import type { Logger } from '../logger.js';
import { deadLetterReason } from './dead-letter.js';
import type { DeadLetterStore, StoredDeadLetter } from './dead-letter-store.js';
import type { EventConsumer } from './event-consumer.js';

/**
 * A consuming service's answers about its own dead letters: the list, and the replay that hands
 * one to the consumer that failed it (in this process: every replica runs the same handler). One
 * replay of a dead letter runs at a time in the whole deployment (a Postgres advisory lock held
 * by a transaction, as scheduled jobs take theirs); the dead letter is removed once the handler
 * has succeeded, so a second replay finds nothing (404). The handler's own idempotency (events
 * it has processed) keeps a replay from applying an event twice even so.
 */
export class DeadLetterDesk {
  private store: DeadLetterStore | undefined;
  private readonly consumers = new Map<string, EventConsumer>();

  constructor(
    private readonly db: DataSource,
    private readonly log: Logger,
    private readonly metrics: Metrics,
  ) {}

  /** Takes the dead-letter stream and the service's consumers once they run (startServiceEvents). */
  open(store: DeadLetterStore, consumers: EventConsumer[]): void {
    this.store = store;
    for (const consumer of consumers) this.consumers.set(consumer.durable, consumer);
  }

  async list(query: z.output<typeof DeadLetterQuery>): Promise<{ items: DeadLetter[]; nextCursor: string | null }> {
    const store = this.opened();
    const before = decodeCursorOrThrow(query.cursor, DeadLetterCursor)?.before;
    // Asked for another service's durable: none of that one's dead letters are here.
    const durables = [...this.consumers.keys()].filter((d) => !query.durable || d === query.durable);
    const pages = await Promise.all(
      durables.map(async (durable) => {
        const page = await store.page(durable, { type: query.type, before, limit: query.limit });
        return { items: page.items.map(toWire), nextCursor: page.more ? 'more' : null };
      }),
    );
    return mergeDeadLetterPages(pages, query.limit);
  }

  async replay(id: string, principal: Principal): Promise<Replayed> {
    const store = this.opened();
    const { durable, seq } = parseDeadLetterId(id);
    const consumer = this.consumers.get(durable);
    if (!consumer) throw new DomainError('NOT_FOUND', 'No such dead letter');
    return inTransaction(this.db, async (tx) => {
      const lock = await tx.one<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked', [
        `dead-letter-replay:${store.stream}:${seq}`,
      ]);
      if (!lock?.locked) throw new DomainError('CONFLICT', 'This dead letter is being replayed right now');
      const letter = await store.get(durable, seq);
      if (!letter) throw new DomainError('NOT_FOUND', 'No such dead letter: it may have been replayed already');
      if (!letter.event) throw new DomainError('CONFLICT', 'An unreadable event cannot be replayed');
      const context = { durable, eventId: letter.event.id, type: letter.type, deadLetter: seq, by: principal.id };
      try {
        await consumer.handle(letter.event);
      } catch (err) {
        this.metrics.deadLetterReplays.inc({ durable, outcome: 'failed' });
        this.log.error({ ...context, err }, 'dead letter replay failed; it stays a dead letter');
        if (toWireError(err).code === 'SERVICE_UNAVAILABLE') throw err;
        throw new DomainError('CONFLICT', `The event still fails: ${deadLetterReason(err)}. It stays a dead letter`);
      }
      // Applied: gone from the stream before the lock is let go, so no second replay can find it.
      await store.remove(seq);
      this.metrics.deadLetterReplays.inc({ durable, outcome: 'applied' });
      this.log.info(context, 'dead letter replayed');
      return { id, durable, type: letter.type, eventId: letter.event.id, replayedAt: new Date().toISOString() };
    });
  }

  private opened(): DeadLetterStore {
    if (!this.store) throw new DomainError('SERVICE_UNAVAILABLE', 'The service is starting');
    return this.store;
  }
}

function toWire(letter: StoredDeadLetter): DeadLetter {
  return {
    id: deadLetterId(letter.durable, letter.seq),
    durable: letter.durable,
    type: letter.type,
    event: letter.event,
    unreadable: letter.unreadable,
    streamSeq: letter.streamSeq,
    deliveries: letter.deliveries,
    error: letter.error,
    deadAt: letter.deadAt,
  };
}
