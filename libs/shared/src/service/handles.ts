import { MessagePattern } from '@nestjs/microservices';
import type { z } from 'zod';
import { authorize } from '../access.js';
import type { Principal } from '../contracts/common.js';
import { parseOrThrow, type Access, type MessageContract } from '../contracts/contract.js';
import type { RpcEnvelope, TrustedDevice } from '../nats/rpc-envelope.js';
import { runInCall } from '../audit/audit-record.js';

/** The principal a handler gets: certain where the contract needs a session, maybe none otherwise. */
type PrincipalFor<A extends Access> = A extends 'public' | 'services' ? Principal | null : Principal;

/** One request as a `@Handles` method sees it: the caller already checked, the payload already parsed. */
export interface Call<C extends MessageContract> {
  principal: PrincipalFor<C['access']>;
  payload: z.output<C['request']>;
  /** When the caller gives up (epoch ms), for work worth abandoning after that (password hashing). */
  deadline?: number;
  /** The end user's address as the gateway saw it (login limits). */
  clientIp?: string;
  /** The client's trusted device, when the gateway vouched for one (sign-ins). */
  device?: TrustedDevice;
}

/**
 * Answers a contract's NATS message: the caller is checked against the contract's `access`
 * (before anything else), the payload parsed by its request schema, then the method runs with
 * the `Call`. Every service handler is declared this way, so the rule lives in the contract only.
 */
export function Handles<C extends MessageContract>(contract: C) {
  return <M extends (call: Call<C>) => unknown>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<M>,
  ): void => {
    const handle = descriptor.value!;
    descriptor.value = function (this: unknown, env: RpcEnvelope) {
      authorize(contract.access, env.principal);
      const call = {
        principal: env.principal,
        payload: parseOrThrow(contract.request, env.payload),
        deadline: env.deadline,
        clientIp: env.clientIp,
        device: env.device,
      } as Call<C>;
      return runInCall({ principal: env.principal, clientIp: env.clientIp }, () => handle.call(this, call));
    } as unknown as M;
    MessagePattern(contract.pattern)(target, key, descriptor);
  };
}
