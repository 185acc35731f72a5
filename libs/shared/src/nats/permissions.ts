import type { Caller, MessageContract } from '../contracts/contract.js';
import * as auth from '../contracts/auth.contracts.js';
import * as audit from '../contracts/audit.contracts.js';
import * as catalog from '../contracts/catalog.contracts.js';
import * as inventory from '../contracts/inventory.contracts.js';
import * as bookings from '../contracts/bookings.contracts.js';
import * as gateway from '../contracts/gateway.contracts.js';
import { healthContract, SERVICES, type ServiceName } from '../contracts/health.contracts.js';
import { EVENT_PUBLISHERS, EVENT_SUBSCRIPTIONS, type EventSubscription } from '../contracts/events.contracts.js';
import { CONSUMING_SERVICES, deadLetterContracts } from '../contracts/dead-letters.contracts.js';
import { eventStreamName, eventSubject } from '../events/event.js';
import { deadLetterFilter, deadLetterStreamName } from '../events/dead-letter.js';
import { inboxPrefixFor, subjectOf } from './connect.js';

/** What one NATS user may do: subjects it may publish and subscribe to, and whether it may answer requests. */
export interface NatsPermissions {
  publish: string[];
  subscribe: string[];
  allowResponses: boolean;
}

export const NATS_USERS: readonly Caller[] = ['gateway', ...SERVICES];

function isContract(value: unknown): value is MessageContract {
  return typeof value === 'object' && value !== null && typeof (value as MessageContract).pattern === 'string';
}

/** Every request/reply message of the system, including each service's `<name>.health` and dead-letter messages. */
export function allContracts(): MessageContract[] {
  const declared = [auth, audit, catalog, inventory, bookings, gateway].flatMap((ns) =>
    Object.values(ns).filter(isContract),
  );
  return [
    ...declared,
    ...SERVICES.map((s) => healthContract(s)),
    ...CONSUMING_SERVICES.flatMap((s) => Object.values(deadLetterContracts(s))),
  ];
}

/** The service that answers a contract (the first word of its pattern), or null for the gateway's own. */
export function serverOf(contract: MessageContract): ServiceName | null {
  const first = contract.pattern.split('.')[0];
  return (SERVICES as readonly string[]).includes(first) ? (first as ServiceName) : null;
}

/** Who may send a contract's request: the gateway for HTTP routes and health, plus its declared callers. */
export function callersOf(contract: MessageContract): Caller[] {
  const callers = new Set<Caller>(contract.callers ?? []);
  if (contract.http || contract.pattern.endsWith('.health')) callers.add('gateway');
  return [...callers];
}

function jetStreamSubjects(prefix: string, service: ServiceName, consumers: EventSubscription[]): string[] {
  const stream = eventStreamName(prefix);
  const subjects = [
    // jetstreamManager() checks the account, every user may create the stream if it is missing.
    '$JS.API.INFO',
    `$JS.API.STREAM.INFO.${stream}`,
    `$JS.API.STREAM.CREATE.${stream}`,
    ...Object.entries(EVENT_PUBLISHERS)
      .filter(([, owner]) => owner === service)
      .map(([type]) => eventSubject(prefix, type)),
  ];
  for (const { durable } of consumers) {
    subjects.push(
      `$JS.API.CONSUMER.CREATE.${stream}.${durable}`,
      `$JS.API.CONSUMER.CREATE.${stream}.${durable}.>`,
      `$JS.API.CONSUMER.DURABLE.CREATE.${stream}.${durable}`,
      `$JS.API.CONSUMER.INFO.${stream}.${durable}`,
      `$JS.API.CONSUMER.MSG.NEXT.${stream}.${durable}`,
      `$JS.ACK.${stream}.${durable}.>`,
    );
  }
  if (consumers.length) subjects.push(...deadLetterSubjects(prefix, consumers));
  return subjects;
}

/**
 * What a consuming service does on the dead-letter stream (events/dead-letter-store.ts): create
 * it, give up its own durables' events to it, page through its own durables' dead letters with
 * short-lived reader consumers (their filter is in the subject, so only its own), and read and
 * remove one by sequence when it is replayed (those two calls name no subject to limit them by).
 */
function deadLetterSubjects(prefix: string, consumers: EventSubscription[]): string[] {
  const stream = deadLetterStreamName(prefix);
  return [
    `$JS.API.STREAM.INFO.${stream}`,
    `$JS.API.STREAM.CREATE.${stream}`,
    `$JS.API.STREAM.MSG.GET.${stream}`,
    `$JS.API.STREAM.MSG.DELETE.${stream}`,
    `$JS.API.CONSUMER.INFO.${stream}.*`,
    `$JS.API.CONSUMER.MSG.NEXT.${stream}.*`,
    `$JS.API.CONSUMER.DELETE.${stream}.*`,
    ...consumers.flatMap(({ durable }) => [
      deadLetterFilter(prefix, durable),
      `$JS.API.CONSUMER.CREATE.${stream}.*.${deadLetterFilter(prefix, durable)}`,
    ]),
  ];
}

/**
 * The permissions of each process's NATS user, derived from the contracts: a service subscribes to
 * the subjects it answers, publishes the requests it sends, the events it owns and the JetStream
 * API calls of its own durable consumers, and reads replies only under its own inbox prefix.
 */
export function natsPermissions(prefix: string): Record<Caller, NatsPermissions> {
  const contracts = allContracts();
  const result = {} as Record<Caller, NatsPermissions>;
  for (const user of NATS_USERS) {
    const serves = user === 'gateway' ? [] : contracts.filter((c) => serverOf(c) === user);
    const calls = contracts.filter((c) => serverOf(c) !== null && callersOf(c).includes(user));
    const consumers = Object.values(EVENT_SUBSCRIPTIONS).filter((s) => s.service === user);
    const usesEvents = consumers.length > 0 || Object.values(EVENT_PUBLISHERS).some((owner) => owner === user);
    const publish = calls.map((c) => subjectOf(prefix, c.pattern));
    if (usesEvents) publish.push(...jetStreamSubjects(prefix, user as ServiceName, consumers));
    result[user] = {
      publish: [...new Set(publish)].sort(),
      subscribe: [
        ...new Set([
          ...serves.map((c) => subjectOf(prefix, c.pattern)),
          `${inboxPrefixFor(user)}.>`,
          ...(user === 'gateway' ? gateway.GATEWAY_CACHE_EVENTS.map((type) => eventSubject(prefix, type)) : []),
        ]),
      ].sort(),
      allowResponses: serves.length > 0,
    };
  }
  return result;
}

/** The environment variable holding a user's password in the NATS server's environment. */
export function natsPasswordVariable(user: Caller): string {
  return `NATS_${user.toUpperCase()}_PASSWORD`;
}

/**
 * The `authorization` block of nats-server's configuration (included by infra/nats/nats.conf and
 * k8s/base/nats/nats.conf). Passwords are references to the server's environment, never values.
 */
export function renderNatsAuthorization(prefix: string): string {
  // An empty allow list would mean "no restriction" to nats-server: say "nothing" instead.
  const allowList = (subjects: string[]) =>
    subjects.length
      ? `{ allow: [\n${subjects.map((s) => `          "${s}"`).join('\n')}\n        ] }`
      : '{ deny: [">"] }';
  const users = Object.entries(natsPermissions(prefix)).map(
    ([user, p]) => `    {
      user: "${user}"
      password: $${natsPasswordVariable(user as Caller)}
      permissions: {
        publish: ${allowList(p.publish)}
        subscribe: ${allowList(p.subscribe)}${p.allowResponses ? '\n        allow_responses: true' : ''}
      }
    }`,
  );
  return `# Generated from the contracts in libs/shared by \`npm run generate:nats\`; do not edit.
# One user per process; each password comes from the NATS server's environment.
authorization {
  users = [
${users.join('\n')}
  ]
}
`;
}
