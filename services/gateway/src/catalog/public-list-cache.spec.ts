import { PublicListCache, etagOf, matchesEtag } from './public-list-cache.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('PublicListCache', () => {
  let now: number;
  let fetches: number;
  const fetchOf = (text: string) => () => {
    fetches++;
    return Promise.resolve(bytes(text));
  };

  beforeEach(() => {
    now = 1_000_000;
    fetches = 0;
  });

  it('serves an answer for at most its TTL, then fetches again', async () => {
    const cache = new PublicListCache(3000, () => now);
    expect((await cache.get('k', fetchOf('a'))).body.toString()).toBe('a');
    now += 2999;
    expect((await cache.get('k', fetchOf('b'))).body.toString()).toBe('a');
    now += 1;
    expect((await cache.get('k', fetchOf('b'))).body.toString()).toBe('b');
    expect(fetches).toBe(2);
  });

  it('forgets everything on invalidate', async () => {
    const cache = new PublicListCache(60_000, () => now);
    await cache.get('k', fetchOf('a'));
    cache.invalidate();
    expect((await cache.get('k', fetchOf('b'))).body.toString()).toBe('b');
  });

  it('never stores an answer fetched before an invalidation', async () => {
    const cache = new PublicListCache(60_000, () => now);
    let answer: (b: Uint8Array) => void = () => undefined;
    const slow = cache.get('k', () => new Promise<Uint8Array>((done) => (answer = done)));
    cache.invalidate();
    answer(bytes('old'));
    expect((await slow).body.toString()).toBe('old');
    expect((await cache.get('k', fetchOf('new'))).body.toString()).toBe('new');
  });

  it('shares one fetch between concurrent misses of a key', async () => {
    const cache = new PublicListCache(60_000, () => now);
    const answers = await Promise.all([1, 2, 3].map(() => cache.get('k', fetchOf('a'))));
    expect(fetches).toBe(1);
    expect(new Set(answers.map((a) => a.etag)).size).toBe(1);
  });

  it('stores nothing with a TTL of 0, and a failed fetch is not kept', async () => {
    const off = new PublicListCache(0, () => now);
    await off.get('k', fetchOf('a'));
    await off.get('k', fetchOf('a'));
    expect(fetches).toBe(2);
    const cache = new PublicListCache(60_000, () => now);
    await expect(cache.get('k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect((await cache.get('k', fetchOf('a'))).body.toString()).toBe('a');
  });

  it('keeps at most 500 queries, dropping the oldest', async () => {
    const cache = new PublicListCache(60_000, () => now);
    for (let i = 0; i <= 500; i++) await cache.get(`k${i}`, fetchOf(String(i)));
    fetches = 0;
    await cache.get('k500', fetchOf('x'));
    expect(fetches).toBe(0);
    await cache.get('k0', fetchOf('x'));
    expect(fetches).toBe(1);
  });
});

describe('ETags', () => {
  it('are strong tags of the bytes, matched by If-None-Match lists, weak forms and *', () => {
    const tag = etagOf(bytes('a'));
    expect(tag).toBe(etagOf(bytes('a')));
    expect(tag).not.toBe(etagOf(bytes('b')));
    expect(matchesEtag(`"x", ${tag}`, tag)).toBe(true);
    expect(matchesEtag(`W/${tag}`, tag)).toBe(true);
    expect(matchesEtag('*', tag)).toBe(true);
    expect(matchesEtag('"x"', tag)).toBe(false);
    expect(matchesEtag(undefined, tag)).toBe(false);
  });
});
