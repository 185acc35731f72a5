import type { Principal } from './contracts/common.js';
import type { Role } from './contracts/contract.js';
import { DomainError } from './errors.js';
import type { RpcEnvelope } from './nats/rpc-envelope.js';

/** The caller of a request that needs a session; UNAUTHENTICATED if there is none. */
export function signedIn(envelope: RpcEnvelope): Principal {
  if (!envelope.principal) throw new DomainError('UNAUTHENTICATED', 'Sign in first');
  return envelope.principal;
}

/** The caller, if they hold one of the roles; FORBIDDEN otherwise. */
export function withRole(envelope: RpcEnvelope, ...roles: Role[]): Principal {
  const principal = signedIn(envelope);
  if (!roles.includes(principal.role)) throw new DomainError('FORBIDDEN', 'You are not allowed to do this');
  return principal;
}
