import { DomainError } from '@garage/shared';
import type { Redis } from 'ioredis';

export type LoginKind = 'staff' | 'customer';

/** How long the address of an account's last successful sign-in is remembered. */
const KNOWN_ADDRESS_TTL_SECONDS = 30 * 24 * 3600;

export interface LoginLimitOptions {
  maxFailuresPerIp: number;
  ipWindowSeconds: number;
  /** Sign-ins from one IP that may be in progress at once beyond the failure allowance (a busy office, a NAT). */
  maxConcurrentPerIp: number;
  accountFreeFailures: number;
  accountWindowSeconds: number;
  accountMaxDelaySeconds: number;
}

// KEYS: failures, in-progress. ARGV: failure limit, concurrency allowance.
// Refuses when the window's failures are used up, or when so many attempts are in progress that,
// should they all fail, the limit would be overshot by more than the allowance.
const BEGIN = `
local failures = tonumber(redis.call('GET', KEYS[1]) or '0')
if failures >= tonumber(ARGV[1]) then
  return {0, redis.call('TTL', KEYS[1])}
end
local busy = tonumber(redis.call('GET', KEYS[2]) or '0')
if failures + busy >= tonumber(ARGV[1]) + tonumber(ARGV[2]) then
  return {0, 1}
end
redis.call('INCR', KEYS[2])
redis.call('EXPIRE', KEYS[2], 60)
return {1, 0}`;

// KEYS: failures, in-progress. ARGV: 1 if the attempt failed, window seconds. Returns failures and their TTL.
const FINISH = `
local busy = tonumber(redis.call('GET', KEYS[2]) or '0')
if busy > 0 then redis.call('DECR', KEYS[2]) end
local failures
if ARGV[1] == '1' then
  failures = redis.call('INCR', KEYS[1])
  if failures == 1 then redis.call('EXPIRE', KEYS[1], ARGV[2]) end
else
  failures = tonumber(redis.call('GET', KEYS[1]) or '0')
end
return {failures, redis.call('TTL', KEYS[1])}`;

/**
 * Failed-login limits in Redis, so every replica shares them:
 * - per client IP and login kind: `maxFailuresPerIp` failures per window, then 429 even for the right
 *   password. Successful sign-ins do not count, and many may run at once from one address. A verdict is
 *   only given while the window has room: a guess that completes after the limit was reached gets 429,
 *   not 401/200, so a burst of concurrent guesses learns no more than the allowed number.
 * - per account: after `accountFreeFailures` failures, each further attempt must wait a doubling delay
 *   (capped), which stops guessing spread over many IPs without locking the owner out for long.
 */
export class LoginLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly options: LoginLimitOptions,
  ) {}

  /** Registers an attempt; throws RATE_LIMITED with a retry time if the IP or the account must wait. */
  async begin(kind: LoginKind, ip: string, account: string): Promise<void> {
    await this.checkAccount(kind, account, ip);
    const [allowed, ttl] = (await this.redis.eval(
      BEGIN,
      2,
      ...this.ipKeys(kind, ip),
      String(this.options.maxFailuresPerIp),
      String(this.options.maxConcurrentPerIp),
    )) as [number, number];
    if (!allowed) throw tooMany(Math.max(1, ttl), 'Too many failed sign-in attempts');
  }

  /**
   * Throws RATE_LIMITED while the account is in its doubling delay, except for the address the
   * owner last signed in from: an attacker elsewhere cannot keep the owner out.
   */
  async checkAccount(kind: LoginKind, account: string, ip: string): Promise<void> {
    const [acct, knownIp] = await Promise.all([
      this.redis.hmget(this.accountKey(kind, account), 'failures', 'last'),
      this.redis.get(this.knownKey(kind, account)),
    ]);
    const failures = Number(acct[0] ?? 0);
    if (failures < this.options.accountFreeFailures || knownIp === ip) return;
    const delay = Math.min(2 ** (failures - this.options.accountFreeFailures), this.options.accountMaxDelaySeconds);
    const wait = Math.ceil(Number(acct[1] ?? 0) / 1000 + delay - Date.now() / 1000);
    if (wait > 0) throw tooMany(wait, 'Too many failed sign-in attempts for this account');
  }

  /** A wrong password for the account (at sign-in or when changing it). */
  async accountFailed(kind: LoginKind, account: string): Promise<void> {
    const key = this.accountKey(kind, account);
    await this.redis
      .multi()
      .hincrby(key, 'failures', 1)
      .hset(key, 'last', Date.now())
      .expire(key, this.options.accountWindowSeconds)
      .exec();
  }

  /** The password was wrong: counts against the IP and the account. Throws RATE_LIMITED if the window is now over the limit. */
  async failed(kind: LoginKind, ip: string, account: string): Promise<void> {
    await this.accountFailed(kind, account);
    await this.finish(kind, ip, true);
  }

  /** The password was right: forgets the account's failures and remembers the address, unless the IP's window filled up meanwhile (429). */
  async succeeded(kind: LoginKind, ip: string, account: string): Promise<void> {
    await this.finish(kind, ip, false);
    await this.redis
      .multi()
      .del(this.accountKey(kind, account))
      .set(this.knownKey(kind, account), ip, 'EX', KNOWN_ADDRESS_TTL_SECONDS)
      .exec();
  }

  /** The attempt ended without a verdict (an error): it no longer counts as in progress. */
  async abandoned(kind: LoginKind, ip: string): Promise<void> {
    await this.redis.eval(FINISH, 2, ...this.ipKeys(kind, ip), '0', String(this.options.ipWindowSeconds));
  }

  private async finish(kind: LoginKind, ip: string, failed: boolean): Promise<void> {
    const [failures, ttl] = (await this.redis.eval(
      FINISH,
      2,
      ...this.ipKeys(kind, ip),
      failed ? '1' : '0',
      String(this.options.ipWindowSeconds),
    )) as [number, number];
    const limit = this.options.maxFailuresPerIp;
    if (failed ? failures > limit : failures >= limit)
      throw tooMany(Math.max(1, ttl), 'Too many failed sign-in attempts');
  }

  private ipKeys(kind: LoginKind, ip: string): [string, string] {
    return [`loginfail:ip:${kind}:${ip}`, `loginbusy:ip:${kind}:${ip}`];
  }

  private knownKey(kind: LoginKind, account: string): string {
    return `loginknown:${kind}:${account.toLowerCase()}`;
  }

  private accountKey(kind: LoginKind, account: string): string {
    return `loginfail:acct:${kind}:${account.toLowerCase()}`;
  }
}

function tooMany(retryAfter: number, message: string): DomainError {
  return new DomainError('RATE_LIMITED', `${message}; try again in ${retryAfter} s`, undefined, retryAfter);
}
