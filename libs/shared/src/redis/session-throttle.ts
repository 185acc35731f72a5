import type { Redis } from 'ioredis';
import type { Principal } from '../contracts/common.js';
import { DomainError } from '../errors.js';
import { principalOf, type SessionStore } from './session-store.js';

/*
 * One round trip for what every request needs from Redis: read the session, then charge the
 * request to the account it names (signed in) or to the client's address (anonymous), with the
 * same counter as RedisThrottlerStorage (INCR, PEXPIRE on the first hit, a block key once over).
 * The account's counter keys are built here from the session, so they are not declared in KEYS:
 * fine on one Redis (or a primary with replicas), not on Redis Cluster.
 */
const RESOLVE_AND_CHARGE = `
local raw = false
if KEYS[1] ~= '' then raw = redis.call('GET', KEYS[1]) end
if not raw and KEYS[4] ~= '' then raw = redis.call('GET', KEYS[4]) end
local hitsKey, blockKey, limit, tracker = KEYS[2], KEYS[3], tonumber(ARGV[2]), ARGV[6]
if raw then
  local ok, p = pcall(cjson.decode, raw)
  if ok and type(p) == 'table' and (p.kind == 'user' or p.kind == 'customer') and type(p.id) == 'string' then
    tracker = 'acct:' .. p.kind .. ':' .. string.lower(p.id)
    hitsKey = ARGV[5] .. tracker .. ':hits'
    blockKey = ARGV[5] .. tracker .. ':block'
    limit = tonumber(ARGV[3])
  end
end
local hits = redis.call('INCR', hitsKey)
if hits == 1 then redis.call('PEXPIRE', hitsKey, ARGV[1]) end
local ttl = redis.call('PTTL', hitsKey)
local blocked = redis.call('PTTL', blockKey)
if blocked <= 0 and hits > limit then
  redis.call('SET', blockKey, '1', 'PX', ARGV[4])
  blocked = tonumber(ARGV[4])
end
return {raw or '', hits, ttl, blocked, limit, tracker}`;

type ResolveAndChargeCommand = (
  sessionKey: string,
  ipHitsKey: string,
  ipBlockKey: string,
  previousSessionKey: string,
  ttlMs: string,
  anonLimit: string,
  accountLimit: string,
  blockMs: string,
  keyPrefix: string,
  ipTracker: string,
) => Promise<unknown>;

/** A throttle window: its name (part of the keys), length, limits for anonymous and signed-in callers. */
export interface ThrottleWindow {
  name: string;
  ttlMs: number;
  anonLimit: number;
  accountLimit: number;
  /** How long a caller over the limit stays blocked (default: the window). */
  blockMs?: number;
}

/** What one request learned: who it is, and where it stands in its throttle window. */
export interface SessionCharge {
  principal: Principal | null;
  /** `acct:<kind>:<id>` or `ip:<bucket>`: whose counter was charged. */
  tracker: string;
  limit: number;
  totalHits: number;
  /** Seconds until the window's count starts again. */
  timeToExpire: number;
  isBlocked: boolean;
  /** Seconds until a blocked caller may come back (0 when not blocked). */
  timeToBlockExpire: number;
}

/**
 * Resolves a session and charges the general throttle in one Redis round trip (EVALSHA), with the
 * keys and semantics of SessionStore.resolve followed by RedisThrottlerStorage.increment.
 */
export class SessionThrottle {
  private readonly command: ResolveAndChargeCommand;

  constructor(
    redis: Redis,
    private readonly sessions: SessionStore,
    private readonly prefix = 'throttle:',
  ) {
    if (!('garageResolveAndCharge' in redis)) {
      redis.defineCommand('garageResolveAndCharge', { numberOfKeys: 4, lua: RESOLVE_AND_CHARGE });
    }
    this.command = (
      redis as unknown as { garageResolveAndCharge: ResolveAndChargeCommand }
    ).garageResolveAndCharge.bind(redis);
  }

  /** Fails closed (503) when Redis does not answer: nobody is anonymous or unmetered by accident. */
  async resolveAndCharge(token: string | undefined, ipTracker: string, window: ThrottleWindow): Promise<SessionCharge> {
    // The session's key, and while SECRET_KEY is rotated its key under the previous one (KEYS[4]).
    const [sessionKey = '', previousSessionKey = ''] = token ? this.sessions.keysOf(token) : [];
    // The layout @nestjs/throttler's guard gave these keys with RedisThrottlerStorage (its key is
    // `<name>:<tracker>`, stored under `<prefix><name>:`), so gateways old and new share one count.
    const base = `${this.prefix}${window.name}:${window.name}:`;
    const blockMs = window.blockMs && window.blockMs > 0 ? window.blockMs : window.ttlMs;
    let reply: [string, number, number, number, number, string];
    let principal: Principal | null;
    try {
      reply = (await this.command(
        sessionKey,
        `${base}${ipTracker}:hits`,
        `${base}${ipTracker}:block`,
        previousSessionKey,
        String(window.ttlMs),
        String(window.anonLimit),
        String(window.accountLimit),
        String(blockMs),
        base,
        ipTracker,
      )) as typeof reply;
      principal = principalOf(reply[0]);
    } catch {
      throw new DomainError('SERVICE_UNAVAILABLE', token ? 'Session store unavailable' : 'Rate limiter unavailable');
    }
    const [, hits, ttlMs, blockedMs, limit, tracker] = reply;
    const isBlocked = blockedMs > 0;
    return {
      principal,
      tracker,
      limit,
      totalHits: hits,
      timeToExpire: Math.max(0, Math.ceil(ttlMs / 1000)),
      isBlocked,
      timeToBlockExpire: isBlocked ? Math.ceil(blockedMs / 1000) : 0,
    };
  }
}
