import { DomainError, RedisThrottlerStorage } from '@garage/shared';
import type { Redis } from 'ioredis';

/**
 * A window of attempts in Redis (shared by every replica), for work that is expensive whatever its
 * outcome: a registration or a password change costs a password hash, so it is limited per client
 * address or per account before any hashing starts. Counted as bookings' attempts and the gateway's
 * throttle are (RedisThrottlerStorage); once over the limit, the caller waits out a whole window.
 */
export class AttemptWindow {
  private readonly counter: RedisThrottlerStorage;

  constructor(
    redis: Redis,
    private readonly name: string,
    private readonly limit: number,
    private readonly windowSeconds: number,
    private readonly message: string,
  ) {
    this.counter = new RedisThrottlerStorage(redis, 'attempts:');
  }

  /** Counts one attempt by `who`; throws RATE_LIMITED (with the seconds to wait) when none are left. */
  async take(who: string): Promise<void> {
    const windowMs = this.windowSeconds * 1000;
    const seen = await this.counter.increment(who, windowMs, this.limit, windowMs, this.name);
    if (seen.isBlocked) {
      const retryAfter = Math.max(1, seen.timeToBlockExpire);
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
