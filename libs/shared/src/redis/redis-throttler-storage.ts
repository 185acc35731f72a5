import type { ThrottlerStorage } from '@nestjs/throttler';
import type { Redis } from 'ioredis';
import { DomainError } from '../errors.js';

// One round trip: count the hit, start the window on the first one, block when over the limit.
const INCREMENT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
local blocked = redis.call('PTTL', KEYS[2])
if blocked <= 0 and hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  blocked = tonumber(ARGV[3])
end
return {hits, ttl, blocked}`;

type ThrottleCommand = (
  hitsKey: string,
  blockKey: string,
  ttl: string,
  limit: string,
  block: string,
) => Promise<unknown>;

/** `@nestjs/throttler` storage shared by every gateway replica (atomic Lua INCR + PEXPIRE, sent as EVALSHA). */
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly throttle: ThrottleCommand;

  constructor(
    redis: Redis,
    private readonly prefix = 'throttle:',
  ) {
    if (!('garageThrottle' in redis)) redis.defineCommand('garageThrottle', { numberOfKeys: 2, lua: INCREMENT });
    this.throttle = (redis as unknown as { garageThrottle: ThrottleCommand }).garageThrottle.bind(redis);
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string) {
    const base = `${this.prefix}${throttlerName}:${key}`;
    let reply: [number, number, number];
    try {
      reply = (await this.throttle(
        `${base}:hits`,
        `${base}:block`,
        String(ttl),
        String(limit),
        String(blockDuration > 0 ? blockDuration : ttl),
      )) as [number, number, number];
    } catch {
      // Fail closed: without the shared counter nobody is let through unmetered.
      throw new DomainError('SERVICE_UNAVAILABLE', 'Rate limiter unavailable');
    }
    const [hits, ttlMs, blockedMs] = reply;
    const isBlocked = blockedMs > 0;
    return {
      totalHits: hits,
      timeToExpire: Math.max(0, Math.ceil(ttlMs / 1000)),
      isBlocked,
      timeToBlockExpire: isBlocked ? Math.ceil(blockedMs / 1000) : 0,
    };
  }
}
