import { createHmac, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { parsePrincipal, type Principal } from '../contracts/common.js';
import type { SigningKeys } from '../config/config.js';

export const SESSION_TTL_SECONDS = 24 * 60 * 60;

export interface NewSession {
  token: string;
  sessionId: string;
  expiresAt: Date;
  principal: Principal;
}

// Deletes every session of an account except one, and the index itself if nothing is left.
const REVOKE_ALL = `
local ids = redis.call('SMEMBERS', KEYS[1])
local n = 0
for _, id in ipairs(ids) do
  if id ~= ARGV[2] then
    redis.call('DEL', ARGV[1] .. id)
    redis.call('SREM', KEYS[1], id)
    n = n + 1
  end
end
return n`;

/**
 * Sessions in Redis: only a keyed hash of the token is stored (`sess:<id>` → principal, TTL 24 h),
 * plus a per-account set of session ids so every session of an account can be revoked at once.
 *
 * While SECRET_KEY is rotated, a token is looked up under both keys' ids in one MGET: sessions made
 * before the rotation keep working until they expire, new ones are made under the new key only.
 */
export class SessionStore {
  private readonly keys: SigningKeys;

  constructor(
    private readonly redis: Redis,
    keys: SigningKeys | string,
    private readonly ttlSeconds = SESSION_TTL_SECONDS,
  ) {
    this.keys = typeof keys === 'string' ? { current: keys } : keys;
  }

  /** Session id (HMAC-SHA256 of the token under SECRET_KEY); the token itself is never stored. */
  idOf(token: string, secret = this.keys.current): string {
    return createHmac('sha256', secret).update(token).digest('hex');
  }

  /** Creates a session for an account; returns the token to hand to the client. */
  async create(account: Omit<Principal, 'sessionId'>): Promise<NewSession> {
    const token = randomBytes(32).toString('base64url');
    const sessionId = this.idOf(token);
    const principal: Principal = { ...account, sessionId };
    const index = accountKey(account.kind, account.id);
    await this.redis
      .multi()
      .set(sessionKey(sessionId), JSON.stringify(principal), 'EX', this.ttlSeconds)
      .sadd(index, sessionId)
      .expire(index, this.ttlSeconds)
      .exec();
    return { token, sessionId, expiresAt: new Date(Date.now() + this.ttlSeconds * 1000), principal };
  }

  /** The principal of a token, or null if the session does not exist (expired, revoked, never was). */
  async resolve(token: string): Promise<Principal | null> {
    const [current, previous] = this.keysOf(token);
    if (!current) return null;
    const raw = previous
      ? ((await this.redis.mget(current, previous)).find(Boolean) ?? null)
      : await this.redis.get(current);
    return principalOf(raw);
  }

  /**
   * The Redis keys a token's session may be under: under the current key and, while SECRET_KEY is
   * rotated, the previous one (look in that order). None for a token that cannot be one (wrong length).
   */
  keysOf(token: string): string[] {
    if (token.length < 20 || token.length > 128) return [];
    const previous = this.keys.previous;
    return [sessionKey(this.idOf(token)), ...(previous ? [sessionKey(this.idOf(token, previous))] : [])];
  }

  /** Ends one session. */
  async revoke(principal: Pick<Principal, 'kind' | 'id' | 'sessionId'>): Promise<void> {
    await this.redis
      .multi()
      .del(sessionKey(principal.sessionId))
      .srem(accountKey(principal.kind, principal.id), principal.sessionId)
      .exec();
  }

  /** Ends every session of an account, optionally keeping one (the caller's own). Returns how many ended. */
  async revokeAll(kind: Principal['kind'], accountId: string, keepSessionId = ''): Promise<number> {
    const n = await this.redis.eval(REVOKE_ALL, 1, accountKey(kind, accountId), SESSION_PREFIX, keepSessionId);
    return Number(n);
  }
}

/** The principal stored under a session key (its JSON), or null when there is none. */
export function principalOf(raw: string | null | undefined): Principal | null {
  return raw ? parsePrincipal(JSON.parse(raw)) : null;
}

const SESSION_PREFIX = 'sess:';
const sessionKey = (id: string) => `${SESSION_PREFIX}${id}`;
const accountKey = (kind: string, id: string) => `sessacct:${kind}:${id}`;
