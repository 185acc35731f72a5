import { headers, type NatsConnection } from '@nats-io/transport-node';
import { DomainError, type RpcEnvelope } from '@garage/shared';

export interface FakeResponder {
  /** Every envelope received, in order. */
  seen: RpcEnvelope[];
  stop(): void;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Answers one NATS pattern in place of its owning service (which the test must have stopped or never
 * started, or both would answer): records what the caller sent, replies with `answer`'s value, or its
 * DomainError the way a service does.
 */
export function fakeResponder(
  nc: NatsConnection,
  prefix: string,
  pattern: string,
  answer: (env: RpcEnvelope) => unknown,
): FakeResponder {
  const seen: RpcEnvelope[] = [];
  const sub = nc.subscribe(`${prefix}.${pattern}`, {
    callback: (_err, msg) => {
      const env = JSON.parse(decoder.decode(msg.data)) as RpcEnvelope;
      seen.push(env);
      try {
        msg.respond(encoder.encode(JSON.stringify(answer(env))));
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        const h = headers();
        h.set('x-error', '1');
        msg.respond(encoder.encode(JSON.stringify(err.toWire())), { headers: h });
      }
    },
  });
  return { seen, stop: () => sub.unsubscribe() };
}
