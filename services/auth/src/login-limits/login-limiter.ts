import { DomainError } from '@garage/shared';
import type { Redis } from 'ioredis';

export type LoginKind = 'staff' | 'customer';

export interface LoginLimitOptions {
  maxFailuresPerIp: number;
  ipWindowSeconds: number;
  accountFreeFailures: number;
  accountWindowSeconds: number;
  accountMaxDelaySeconds: number;
}

// Takes one attempt from the IP's budget atomically, so N concurrent guesses cannot all slip past the check.
const TAKE_ATTEMPT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('EXPIRE', KEYS[1], ARGV[2]) end
if n > tonumber(ARGV[1]) then
  redis.call('DECR', KEYS[1])
  return {0, redis.call('TTL', KEYS[1])}
end
return {1, 0}`;

// An attempt that turned out to be a success gives its slot back.
const GIVE_BACK = `
local n = tonumber(redis.call('GET', KEYS[1]) or '0')
if n > 0 then redis.call('DECR', KEYS[1]) end
return 0`;

/**
 * Failed-login limits in Redis, so every replica shares them:
 * - per client IP and login kind: `maxFailuresPerIp` failures per window, then 429 even for the right password;
 * - per account: after `accountFreeFailures` failures, each further attempt must wait a doubling delay
 *   (capped), which stops guessing spread over many IPs without locking the owner out for long.
 */
export class LoginLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly options: LoginLimitOptions,
  ) {}

  /** Reserves an attempt; throws RATE_LIMITED with a retry time if the IP or the account must wait. */
  async begin(kind: LoginKind, ip: string, account: string): Promise<void> {
    const acct = await this.redis.hmget(this.accountKey(kind, account), 'failures', 'last');
    const failures = Number(acct[0] ?? 0);
    if (failures >= this.options.accountFreeFailures) {
      const delay = Math.min(2 ** (failures - this.options.accountFreeFailures), this.options.accountMaxDelaySeconds);
      const wait = Math.ceil(Number(acct[1] ?? 0) / 1000 + delay - Date.now() / 1000);
      if (wait > 0) throw tooMany(wait, 'Too many failed sign-in attempts for this account');
    }
    const [allowed, ttl] = (await this.redis.eval(
      TAKE_ATTEMPT,
      1,
      this.ipKey(kind, ip),
      String(this.options.maxFailuresPerIp),
      String(this.options.ipWindowSeconds),
    )) as [number, number];
    if (!allowed) throw tooMany(Math.max(1, ttl), 'Too many failed sign-in attempts');
  }

  /** The attempt failed: it keeps its IP slot and counts against the account. */
  async failed(kind: LoginKind, account: string): Promise<void> {
    const key = this.accountKey(kind, account);
    await this.redis
      .multi()
      .hincrby(key, 'failures', 1)
      .hset(key, 'last', Date.now())
      .expire(key, this.options.accountWindowSeconds)
      .exec();
  }

  /** The attempt succeeded: the IP slot is given back and the account's failures are forgotten. */
  async succeeded(kind: LoginKind, ip: string, account: string): Promise<void> {
    await Promise.all([
      this.redis.eval(GIVE_BACK, 1, this.ipKey(kind, ip)),
      this.redis.del(this.accountKey(kind, account)),
    ]);
  }

  /** The attempt ended without a password verdict (e.g. an error): give the IP slot back. */
  async abandoned(kind: LoginKind, ip: string): Promise<void> {
    await this.redis.eval(GIVE_BACK, 1, this.ipKey(kind, ip));
  }

  private ipKey(kind: LoginKind, ip: string): string {
    return `loginfail:ip:${kind}:${ip}`;
  }

  private accountKey(kind: LoginKind, account: string): string {
    return `loginfail:acct:${kind}:${account.toLowerCase()}`;
  }
}

function tooMany(retryAfter: number, message: string): DomainError {
  return new DomainError('RATE_LIMITED', `${message}; try again in ${retryAfter} s`, undefined, retryAfter);
}
