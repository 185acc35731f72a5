import { DomainError } from '@garage/shared';
import type { Redis } from 'ioredis';

export type LoginKind = 'staff' | 'customer';

export interface LoginLimitOptions {
  maxFailuresPerIp: number;
  ipWindowSeconds: number;
  /** Sign-ins from one IP that may be in progress at once beyond the failure allowance (a busy office, a NAT). */
  maxConcurrentPerIp: number;
  accountFreeFailures: number;
  accountWindowSeconds: number;
  accountMaxDelaySeconds: number;
  /** Failures a trusted device (one that signed in to the account before) may have per account window. */
  deviceMaxFailures: number;
}

/** The account counter an attempt was charged to, so it can be refunded when the password was right. */
export interface AccountCharge {
  key: string;
  /** A hash with `failures` and `last` (the shared account counter) or a plain counter (one trusted device). */
  shape: 'account' | 'device';
}

// KEYS: failures, in-progress. ARGV: failure limit, concurrency allowance.
// Refuses when the window's failures are used up, or when so many attempts are in progress that,
// should they all fail, the limit would be overshot by more than the allowance.
const BEGIN_IP = `
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
const FINISH_IP = `
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

// KEYS: the account's hash {failures, last}, the trusted device's counter (unused unless ARGV[5] is 1).
// ARGV: free failures, max delay s, window s, device failure limit, 1 if the device is trusted.
// Every attempt is charged as a failure *before* the password is checked (and refunded if it was
// right), so concurrent guesses cannot all pass the check before any failure is written.
// Returns {1, 0}: charged to the device; {2, 0}: charged to the account; {0, wait}: refused.
const RESERVE_ACCOUNT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
if ARGV[5] == '1' then
  local used = tonumber(redis.call('GET', KEYS[2]) or '0')
  if used < tonumber(ARGV[4]) then
    redis.call('INCR', KEYS[2])
    redis.call('EXPIRE', KEYS[2], ARGV[3])
    return {1, 0}
  end
end
local failures = tonumber(redis.call('HGET', KEYS[1], 'failures') or '0')
local free = tonumber(ARGV[1])
if failures >= free then
  local delay = math.min(2 ^ (failures - free), tonumber(ARGV[2]))
  local last = tonumber(redis.call('HGET', KEYS[1], 'last') or '0')
  local wait = math.ceil((last + delay * 1000 - now) / 1000)
  if wait > 0 then return {0, wait} end
end
redis.call('HINCRBY', KEYS[1], 'failures', 1)
redis.call('HSET', KEYS[1], 'last', now)
redis.call('EXPIRE', KEYS[1], ARGV[3])
return {2, 0}`;

// KEYS: the charged key. ARGV: 'account' (a hash's failures) or 'device' (a plain counter).
const REFUND = `
if ARGV[1] == 'account' then
  if tonumber(redis.call('HGET', KEYS[1], 'failures') or '0') > 0 then redis.call('HINCRBY', KEYS[1], 'failures', -1) end
else
  if tonumber(redis.call('GET', KEYS[1]) or '0') > 0 then redis.call('DECR', KEYS[1]) end
end
return 1`;

/**
 * Failed-login limits in Redis, so every replica shares them:
 * - per client IP and login kind: `maxFailuresPerIp` failures per window, then 429 even for the right
 *   password. Successful sign-ins do not count, and many may run at once from one address. A verdict is
 *   only given while the window has room: a guess that completes after the limit was reached gets 429,
 *   not 401/200, so a burst of concurrent guesses learns no more than the allowed number.
 * - per account (keyed by the account's id, so no spelling of the login gets a fresh counter): after
 *   `accountFreeFailures` failures, each further attempt must wait a doubling delay (capped). Attempts
 *   are charged before the password is checked, so concurrent guesses from many addresses cannot
 *   escape it.
 * - per trusted device (OWASP "device cookies"): a browser that signed in to the account before does not
 *   share the account's delay, so guessing elsewhere never locks the owner out; it has failures of its
 *   own (`deviceMaxFailures`), after which it is treated like any other client.
 */
export class LoginLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly options: LoginLimitOptions,
  ) {}

  /** Registers an attempt from an IP; throws RATE_LIMITED with a retry time if the IP must wait. */
  async beginIp(kind: LoginKind, ip: string): Promise<void> {
    const [allowed, ttl] = (await this.redis.eval(
      BEGIN_IP,
      2,
      ...this.ipKeys(kind, ip),
      String(this.options.maxFailuresPerIp),
      String(this.options.maxConcurrentPerIp),
    )) as [number, number];
    if (!allowed) throw tooMany(Math.max(1, ttl), 'Too many failed sign-in attempts');
  }

  /**
   * Charges an attempt at an account (an id, or `?login` for one that does not exist) to its trusted
   * device if it has one with failures left, else to the account: RATE_LIMITED while the account is in
   * its delay. `refund` the charge when the password turns out right.
   */
  async reserveAccount(kind: LoginKind, account: string, deviceId?: string): Promise<AccountCharge> {
    const accountKey = this.accountKey(kind, account);
    const deviceKey = `loginfail:device:${kind}:${account}:${deviceId ?? ''}`;
    const o = this.options;
    const [outcome, wait] = (await this.redis.eval(
      RESERVE_ACCOUNT,
      2,
      accountKey,
      deviceKey,
      String(o.accountFreeFailures),
      String(o.accountMaxDelaySeconds),
      String(o.accountWindowSeconds),
      String(o.deviceMaxFailures),
      deviceId ? '1' : '0',
    )) as [number, number];
    if (outcome === 0) throw tooMany(wait, 'Too many failed sign-in attempts for this account');
    return outcome === 1 ? { key: deviceKey, shape: 'device' } : { key: accountKey, shape: 'account' };
  }

  /** The password was right (or the attempt ended without a verdict): the charge is taken back. */
  async refund(charge: AccountCharge): Promise<void> {
    await this.redis.eval(REFUND, 1, charge.key, charge.shape);
  }

  /** The password was wrong: counts against the IP (the account was charged already). Throws RATE_LIMITED if the IP's window is now over the limit. */
  async failed(kind: LoginKind, ip: string): Promise<void> {
    await this.finishIp(kind, ip, true);
  }

  /** The password was right: refunds the account's charge; 429 if the IP's window filled up meanwhile. */
  async succeeded(kind: LoginKind, ip: string, charge: AccountCharge): Promise<void> {
    await this.refund(charge);
    await this.finishIp(kind, ip, false);
  }

  /** The attempt ended without a verdict (an error, a refusal): nothing of it counts. */
  async abandoned(kind: LoginKind, ip: string, charge?: AccountCharge): Promise<void> {
    if (charge) await this.refund(charge);
    await this.redis.eval(FINISH_IP, 2, ...this.ipKeys(kind, ip), '0', String(this.options.ipWindowSeconds));
  }

  private async finishIp(kind: LoginKind, ip: string, failed: boolean): Promise<void> {
    const [failures, ttl] = (await this.redis.eval(
      FINISH_IP,
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

  private accountKey(kind: LoginKind, account: string): string {
    return `loginfail:acct:${kind}:${account}`;
  }
}

/**
 * The one spelling of a login name that is looked up and counted: NFKC, then lower case. Usernames
 * and emails are ASCII (the contracts only create such), so a name that is not ASCII after that
 * cannot be an account; it is refused as unknown rather than left to the database's lower(), whose
 * folding of characters like `İ` differs from JavaScript's. Null: no account can have this name.
 */
export function normaliseLogin(login: string): string | null {
  const folded = login.normalize('NFKC').toLowerCase();
  return /^[\x21-\x7e]+$/.test(folded) ? folded : null;
}

function tooMany(retryAfter: number, message: string): DomainError {
  return new DomainError('RATE_LIMITED', `${message}; try again in ${retryAfter} s`, undefined, retryAfter);
}
