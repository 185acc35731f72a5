import { createHash } from 'node:crypto';

/** One cached answer: its bytes, their ETag, and when the gateway stops serving it. */
export interface CachedAnswer {
  body: Buffer;
  etag: string;
  expiresAt: number;
}

/** Distinct queries kept at most (the query string is the client's: this bounds the memory it can take). */
const MAX_ENTRIES = 500;

/**
 * A short cache of the anonymous catalog and branch lists in one gateway. An entry lives at most
 * `ttlMs` (the bound on staleness when an invalidation is missed) and every catalog change empties
 * the cache at once (CatalogChanges). Concurrent misses of one query share one request to the
 * catalog, and an answer fetched before an invalidation is never stored after it.
 */
export class PublicListCache {
  private readonly entries = new Map<string, CachedAnswer>();
  private readonly inFlight = new Map<string, Promise<CachedAnswer>>();
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The answer for `key`, from the cache while it is fresh, else from `fetch` (shared by concurrent callers). */
  async get(key: string, fetch: () => Promise<Uint8Array>): Promise<CachedAnswer> {
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > this.now()) return hit;
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const generation = this.generation;
    const filling = fetch()
      .then((bytes) => {
        const answer = answerOf(bytes, this.now() + this.ttlMs);
        if (this.ttlMs > 0 && generation === this.generation) this.store(key, answer);
        return answer;
      })
      .finally(() => {
        if (this.inFlight.get(key) === filling) this.inFlight.delete(key);
      });
    this.inFlight.set(key, filling);
    return filling;
  }

  /** Forgets every answer, and any being fetched right now (it may predate the change). */
  invalidate(): void {
    this.generation++;
    this.entries.clear();
    this.inFlight.clear();
  }

  private store(key: string, answer: CachedAnswer): void {
    this.entries.delete(key);
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, answer);
  }
}

/** A strong ETag of the bytes: the same answer has the same tag on every gateway. */
export function etagOf(body: Uint8Array): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

function answerOf(bytes: Uint8Array, expiresAt: number): CachedAnswer {
  const body = Buffer.from(bytes);
  return { body, etag: etagOf(body), expiresAt };
}

/** True when an If-None-Match header names this ETag (or is `*`); weak tags compare by their value. */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}
