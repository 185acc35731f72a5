import { randomBytes, randomUUID } from 'node:crypto';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { DataSource } from 'typeorm';
import {
  DeadLetterDesk,
  DeadLetterStore,
  DomainError,
  Metrics,
  createLogger,
  deadLetterId,
  ensureDeadLetterStream,
  ensureEventStream,
  eventSubject,
  newEvent,
  startEventConsumer,
  type DomainEvent,
  type EventConsumer,
  type Principal,
  type RunningConsumer,
  type StoredDeadLetter,
} from '@garage/shared';
import { testEnv } from '../../../test/support/test-env.js';
import { caughtUp, untilValue } from '../../../test/support/waits.js';

// Each test has durables and event types of its own, so they share the run's streams without seeing each other.
const env = testEnv();
const prefix = env.NATS_PREFIX;
const log = createLogger('dead-letters-test', 'silent');
// Who replays: an admin as the gateway sends one (the desk trusts the controller's access check).
const admin: Principal = { kind: 'user', id: randomUUID(), role: 'admin', branchIds: [], sessionId: 'a'.repeat(64) };
let db: DataSource;
let nc: NatsConnection;
let js: JetStreamClient;
let jsm: JetStreamManager;
let store: DeadLetterStore;

beforeAll(async () => {
  db = new DataSource({ type: 'postgres', url: env.DATABASE_URL, extra: { max: 4 } });
  await db.initialize();
  nc = await connect({ servers: env.NATS_URL });
  jsm = await ensureEventStream(nc, prefix);
  await ensureDeadLetterStream(jsm, prefix);
  js = jetstream(nc);
  store = new DeadLetterStore(js, jsm, prefix);
});

afterAll(async () => {
  await nc.drain();
  await db.destroy();
});

const tag = () => randomBytes(4).toString('hex');

/** A consumer of its own event type whose handler throws for the events `poisoned` names. */
function consumerOf(type: string) {
  const applied: DomainEvent[] = [];
  const poisoned = new Set<string>();
  const consumer: EventConsumer = {
    durable: `dl_${tag()}`,
    type,
    handle: async (event) => {
      if (poisoned.has(event.id)) throw new Error(`no reservations row for ${event.id}`);
      applied.push(event);
    },
  };
  return { consumer, applied, poisoned };
}

/** Until the durable has one dead letter (or `n`), newest first. */
function deadLettersOf(durable: string, n = 1): Promise<StoredDeadLetter[]> {
  return untilValue(
    `${n} dead letter(s) of ${durable}`,
    async () => (await store.page(durable, { limit: 100 })).items,
    (items) => items.length >= n,
  );
}

const deadLettered = async (metrics: Metrics, durable: string) =>
  (await metrics.eventsDeadLettered.get()).values.filter((v) => v.labels.durable === durable);

describe('a consumer gives up an event that keeps failing (real JetStream)', () => {
  let running: RunningConsumer[] = [];
  afterEach(async () => {
    await Promise.all(running.map((c) => c.stop()));
    running = [];
  });

  it('on its EVENT_MAX_DELIVERIES-th delivery: to the dead letters, counted, and the consumer moves on', async () => {
    const type = `t${tag()}.happened`;
    const { consumer, applied, poisoned } = consumerOf(type);
    const metrics = new Metrics('dead-letters-test');
    running.push(await startEventConsumer(js, jsm, prefix, consumer, log, metrics, { store, maxDeliveries: 2 }));
    const bad = newEvent(type, { n: 1 });
    const good = newEvent(type, { n: 2 });
    poisoned.add(bad.id);
    const published = await js.publish(eventSubject(prefix, type), JSON.stringify(bad), { msgID: bad.id });
    await js.publish(eventSubject(prefix, type), JSON.stringify(good), { msgID: good.id });

    const [letter] = await deadLettersOf(consumer.durable);
    expect(letter).toMatchObject({
      durable: consumer.durable,
      type,
      event: bad,
      unreadable: null,
      streamSeq: published.seq,
      deliveries: 2,
      error: `Error: no reservations row for ${bad.id}`,
    });
    expect(Date.parse(letter!.deadAt)).toBeGreaterThan(Date.now() - 60_000);
    // Given up, not pending: the durable has nothing left in flight, and the good event went through.
    await caughtUp(jsm, consumer.durable);
    expect(applied.map((e) => e.id)).toEqual([good.id]);
    expect(await deadLettered(metrics, consumer.durable)).toEqual([
      expect.objectContaining({ value: 1, labels: { durable: consumer.durable, type } }),
    ]);
    expect(await store.waiting(consumer.durable)).toBe(1);
  });

  it('an unreadable event at once, with the start of its body', async () => {
    const type = `t${tag()}.happened`;
    const { consumer, applied } = consumerOf(type);
    const metrics = new Metrics('dead-letters-test');
    running.push(await startEventConsumer(js, jsm, prefix, consumer, log, metrics, { store, maxDeliveries: 5 }));
    await js.publish(eventSubject(prefix, type), 'this is not an event');
    await js.publish(eventSubject(prefix, type), JSON.stringify({ id: 'no type or time' }));
    const letters = await deadLettersOf(consumer.durable, 2);
    expect(letters.map((l) => [l.event, l.unreadable, l.deliveries])).toEqual([
      [null, JSON.stringify({ id: 'no type or time' }), 1],
      [null, 'this is not an event', 1],
    ]);
    expect(letters[0]!.error).toBe('Unreadable event: Error: not an event');
    await caughtUp(jsm, consumer.durable);
    expect(applied).toEqual([]);
    expect((await deadLettered(metrics, consumer.durable))[0]?.value).toBe(2);
  });
});

describe('the dead-letter stream, paged', () => {
  it('newest first, by durable and by type, through pages that reach back over many windows', async () => {
    const [a, b] = [`dl_${tag()}`, `dl_${tag()}`];
    const kept: Array<{ durable: string; type: string; seq: number }> = [];
    // 700 of a's, with b's in between: a's pages must look back past stretches of b's.
    for (let i = 0; i < 900; i++) {
      const durable = i % 9 < 7 ? a : b;
      const type = i % 2 ? 'booking.created' : 'booking.cancelled';
      const event = newEvent(type, { i });
      const { seq } = await store.add({
        durable,
        type,
        event,
        unreadable: null,
        streamSeq: i + 1,
        deliveries: 5,
        error: 'e',
        deadAt: new Date().toISOString(),
      });
      kept.push({ durable, type, seq });
    }
    const walk = async (durable: string, type?: string) => {
      const seen: number[] = [];
      let before: number | undefined;
      for (let pages = 0; pages < 100; pages++) {
        const page = await store.page(durable, { type, before, limit: 60 });
        seen.push(...page.items.map((l) => l.seq));
        if (!page.more) return seen;
        before = page.items[page.items.length - 1]!.seq;
      }
      throw new Error('no last page');
    };
    const expected = (durable: string, type?: string) =>
      kept
        .filter((k) => k.durable === durable && (!type || k.type === type))
        .map((k) => k.seq)
        .reverse();
    expect(await walk(a)).toEqual(expected(a));
    expect(await walk(b, 'booking.created')).toEqual(expected(b, 'booking.created'));
    expect(await store.waiting(a)).toBe(700);
    expect((await store.page(`dl_${tag()}`, { limit: 10 })).items).toEqual([]);
  }, 60_000);
});

describe('a replay (DeadLetterDesk)', () => {
  /** A desk over one durable whose handler the test controls, and one dead letter of it. */
  async function deskWithDeadLetter(handle: (event: DomainEvent) => Promise<void>) {
    const metrics = new Metrics('dead-letters-test');
    const desk = new DeadLetterDesk(db, log, metrics);
    const durable = `dl_${tag()}`;
    desk.open(store, [{ durable, type: 'booking.>', handle }]);
    const event = newEvent('booking.created', { n: 1 });
    const { seq } = await store.add({
      durable,
      type: event.type,
      event,
      unreadable: null,
      streamSeq: 1,
      deliveries: 5,
      error: 'CONFLICT: nope',
      deadAt: new Date().toISOString(),
    });
    return { desk, durable, event, id: deadLetterId(durable, seq), metrics };
  }

  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => 'applied',
      (err: DomainError) => `${err.code}: ${err.message}`,
    );

  it('hands the event to its consumer once; the dead letter is gone, so a second replay is a 404', async () => {
    const handled: DomainEvent[] = [];
    const { desk, durable, event, id, metrics } = await deskWithDeadLetter(async (e) => void handled.push(e));
    expect((await desk.list({ limit: 10 })).items.map((l) => l.id)).toContain(id);
    expect(await desk.replay(id, admin)).toMatchObject({ id, durable, type: 'booking.created', eventId: event.id });
    expect(handled).toEqual([event]);
    expect(await refusal(desk.replay(id, admin))).toMatch(/^NOT_FOUND/);
    expect(handled).toHaveLength(1);
    expect(await store.waiting(durable)).toBe(0);
    const replays = (await metrics.deadLetterReplays.get()).values;
    expect(replays).toEqual([expect.objectContaining({ value: 1, labels: { durable, outcome: 'applied' } })]);
  });

  it('two at once: one applies, the other is refused while it runs (409) and finds nothing after (404)', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const handled: DomainEvent[] = [];
    const { desk, id } = await deskWithDeadLetter(async (e) => {
      started();
      await gate;
      handled.push(e);
    });
    const first = desk.replay(id, admin);
    await running;
    expect(await refusal(desk.replay(id, admin))).toBe('CONFLICT: This dead letter is being replayed right now');
    release();
    await first;
    expect(await refusal(desk.replay(id, admin))).toMatch(/^NOT_FOUND/);
    expect(handled).toHaveLength(1);
  });

  it('an event that still fails stays a dead letter, with the reason in the refusal', async () => {
    let fixed = false;
    const { desk, durable, id } = await deskWithDeadLetter(async () => {
      if (!fixed) throw new DomainError('NOT_FOUND', 'No such part: OIL-5W30');
    });
    expect(await refusal(desk.replay(id, admin))).toBe(
      'CONFLICT: The event still fails: NOT_FOUND: No such part: OIL-5W30. It stays a dead letter',
    );
    expect(await store.waiting(durable)).toBe(1);
    fixed = true;
    expect(await refusal(desk.replay(id, admin))).toBe('applied');
    expect(await store.waiting(durable)).toBe(0);
  });

  it("refuses an unreadable event, another durable's dead letter and an unknown one", async () => {
    const mine = await deskWithDeadLetter(async () => undefined);
    const other = await deskWithDeadLetter(async () => undefined);
    const { seq: unreadable } = await store.add({
      durable: mine.durable,
      type: 'booking.created',
      event: null,
      unreadable: 'garbage',
      streamSeq: 2,
      deliveries: 1,
      error: 'Unreadable event: Error: not an event',
      deadAt: new Date().toISOString(),
    });
    expect(await refusal(mine.desk.replay(deadLetterId(mine.durable, unreadable), admin))).toBe(
      'CONFLICT: An unreadable event cannot be replayed',
    );
    const otherSeq = Number(other.id.split('.')[1]);
    // A durable this desk does not run; and the other durable's sequence under this desk's own durable.
    expect(await refusal(mine.desk.replay(other.id, admin))).toBe('NOT_FOUND: No such dead letter');
    expect(await refusal(mine.desk.replay(deadLetterId(mine.durable, otherSeq), admin))).toMatch(/^NOT_FOUND/);
    expect(await refusal(mine.desk.replay(deadLetterId(mine.durable, otherSeq + 1_000_000), admin))).toMatch(
      /^NOT_FOUND/,
    );
    expect(await store.waiting(other.durable)).toBe(1);
  });
});
