import { DomainError } from '@garage/shared';
import type { Redis } from 'ioredis';

// KEYS: the window's counter. ARGV: limit, window seconds. Returns {allowed, ttl}.
const TAKE = `
local used = tonumber(redis.call('GET', KEYS[1]) or '0')
if used >= tonumber(ARGV[1]) then return {0, redis.call('TTL', KEYS[1])} end
used = redis.call('INCR', KEYS[1])
if used == 1 then redis.call('EXPIRE', KEYS[1], ARGV[2]) end
return {1, 0}`;

/**
 * A fixed window of attempts in Redis (shared by every replica), for work that is expensive whatever
 * its outcome: a registration or a password change costs a password hash, so it is limited per client
 * address or per account before any hashing starts.
 */
export class AttemptWindow {
  constructor(
    private readonly redis: Redis,
    private readonly name: string,
    private readonly limit: number,
    private readonly windowSeconds: number,
    private readonly message: string,
  ) {}

  /** Counts one attempt by `who`; throws RATE_LIMITED (with the seconds until the window ends) when none are left. */
  async take(who: string): Promise<void> {
    const [allowed, ttl] = (await this.redis.eval(
      TAKE,
      1,
      `attempts:${this.name}:${who}`,
      String(this.limit),
      String(this.windowSeconds),
    )) as [number, number];
    if (!allowed) {
      const retryAfter = Math.max(1, ttl);
      throw new DomainError('RATE_LIMITED', `${this.message}; try again in ${retryAfter} s`, undefined, retryAfter);
    }
  }
}

/** The limits on requests that cost a password hash whether or not they succeed. */
export class HashingLimits {
  constructor(
    /** Customer registrations per client address. */
    readonly registrations: AttemptWindow,
    /** Password changes per account (each costs a verification and a hash). */
    readonly passwordChanges: AttemptWindow,
  ) {}
}
