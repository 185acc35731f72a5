import { pbkdf2Sync, randomBytes } from 'node:crypto';
import * as argon2 from 'argon2';
import { Metrics } from '@garage/shared';
import { ARGON2_PARAMS, HashingGate, LEGACY_ITERATIONS, PBKDF2_ITERATIONS, PasswordHasher } from './password-hasher.js';

const PASSWORD = 'Correct-Horse-9';

/** The original Python system's format: `<salt_hex>:<hash_hex>`, PBKDF2-SHA256, 100,000 iterations, 32-byte salt. */
function legacyHash(password: string): string {
  const salt = randomBytes(32);
  const hash = pbkdf2Sync(password, salt, 100000, 32, 'sha256');
  return salt.toString('hex') + ':' + hash.toString('hex');
}

/** The parameters of an argon2 PHC string, whatever their order. */
function argonParams(stored: string): Record<string, string> {
  const params = stored.split('$')[3] ?? '';
  return Object.fromEntries(params.split(',').map((kv) => kv.split('=') as [string, string]));
}

/** A PHC `$pbkdf2-sha256$` string built by hand (base64 without padding). */
function pbkdf2Phc(password: string, iterations: number, saltBytes = 16, keyBytes = 32): string {
  const b64 = (buf: Buffer) => buf.toString('base64').replace(/=+$/, '');
  const salt = randomBytes(saltBytes);
  const hash = pbkdf2Sync(password, salt, iterations, keyBytes, 'sha256');
  return `$pbkdf2-sha256$i=${iterations}$${b64(salt)}$${b64(hash)}`;
}

describe('PasswordHasher', () => {
  const argonHasher = new PasswordHasher('argon2id');
  const pbkdf2Hasher = new PasswordHasher('pbkdf2');
  let argonHash: string;
  let pbkdf2Hash: string;
  let legacy: string;

  beforeAll(async () => {
    [argonHash, pbkdf2Hash] = await Promise.all([argonHasher.hash(PASSWORD), pbkdf2Hasher.hash(PASSWORD)]);
    legacy = legacyHash(PASSWORD);
  });

  it('uses the documented constants', () => {
    expect(ARGON2_PARAMS).toEqual({ memoryCost: 19456, timeCost: 2, parallelism: 1 });
    expect(PBKDF2_ITERATIONS).toBe(600_000);
    expect(LEGACY_ITERATIONS).toBe(100_000);
    expect(argonHasher.scheme).toBe('argon2id');
    expect(new PasswordHasher().scheme).toBe('argon2id');
  });

  describe('argon2id scheme', () => {
    it('writes an argon2id v=19 PHC string with the OWASP parameters', () => {
      expect(argonHash).toMatch(/^\$argon2id\$v=19\$[a-z0-9=,]+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
      expect(argonParams(argonHash)).toEqual({ m: '19456', t: '2', p: '1' });
    });

    // The PHC string format (and the reference libargon2 decoder used by e.g. Python's argon2-cffi and PHP) require
    // the parameters in m,t,p order; node-argon2 0.45 writes m,p,t (ranisalt/node-argon2#559), so these hashes do
    // not verify outside Node.
    it('writes the parameters in the PHC-mandated m,t,p order', () => {
      expect(argonHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
    });

    it('salts every hash', async () => {
      const again = await argonHasher.hash(PASSWORD);
      expect(again).not.toBe(argonHash);
      expect(argonParams(again)).toEqual({ m: '19456', t: '2', p: '1' });
    });

    it('verifies the right password and refuses a wrong one', async () => {
      await expect(argonHasher.verify(argonHash, PASSWORD)).resolves.toBe(true);
      await expect(argonHasher.verify(argonHash, 'correct-horse-9')).resolves.toBe(false);
      await expect(argonHasher.verify(argonHash, '')).resolves.toBe(false);
    });

    it('does not need a rehash for a fresh hash of its own scheme', () => {
      expect(argonHasher.needsRehash(argonHash)).toBe(false);
    });

    it('needs a rehash for legacy and pbkdf2 hashes', () => {
      expect(argonHasher.needsRehash(legacy)).toBe(true);
      expect(argonHasher.needsRehash(pbkdf2Hash)).toBe(true);
    });

    it('needs a rehash for argon2id with weaker parameters, and for argon2i', async () => {
      const weak = await argon2.hash(PASSWORD, {
        type: argon2.argon2id,
        memoryCost: 4096,
        timeCost: 1,
        parallelism: 1,
      });
      expect(argonParams(weak)).toEqual({ m: '4096', t: '1', p: '1' });
      expect(argonHasher.needsRehash(weak)).toBe(true);
      // Still verifies, so the caller can upgrade it on a successful login.
      await expect(argonHasher.verify(weak, PASSWORD)).resolves.toBe(true);

      const argon2i = await argon2.hash(PASSWORD, { type: argon2.argon2i, ...ARGON2_PARAMS });
      expect(argon2i).toMatch(/^\$argon2i\$/);
      expect(argonHasher.needsRehash(argon2i)).toBe(true);
    });
  });

  describe('pbkdf2 scheme', () => {
    it('writes $pbkdf2-sha256$i=600000$salt$hash with a 16-byte salt and 32-byte key', () => {
      const match = /^\$pbkdf2-sha256\$i=600000\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/.exec(pbkdf2Hash);
      expect(match).not.toBeNull();
      expect(Buffer.from(match![1], 'base64')).toHaveLength(16);
      expect(Buffer.from(match![2], 'base64')).toHaveLength(32);
    });

    it('verifies its own hash', async () => {
      await expect(pbkdf2Hasher.verify(pbkdf2Hash, PASSWORD)).resolves.toBe(true);
    });

    it('does not need a rehash for a fresh hash of its own scheme', () => {
      expect(pbkdf2Hasher.needsRehash(pbkdf2Hash)).toBe(false);
    });

    it('needs a rehash for legacy and argon2id hashes', () => {
      expect(pbkdf2Hasher.needsRehash(legacy)).toBe(true);
      expect(pbkdf2Hasher.needsRehash(argonHash)).toBe(true);
    });

    it('verifies a pbkdf2 hash with fewer iterations but wants it rehashed', async () => {
      const old = pbkdf2Phc(PASSWORD, 1000);
      expect(old.split('$').slice(3).join('$')).not.toContain('=');
      await expect(pbkdf2Hasher.verify(old, PASSWORD)).resolves.toBe(true);
      await expect(pbkdf2Hasher.verify(old, 'Correct-Horse-8')).resolves.toBe(false);
      expect(pbkdf2Hasher.needsRehash(old)).toBe(true);
      expect(argonHasher.needsRehash(old)).toBe(true);
    });

    it('verifies argon2id hashes too (any supported format)', async () => {
      await expect(pbkdf2Hasher.verify(argonHash, PASSWORD)).resolves.toBe(true);
      await expect(argonHasher.verify(pbkdf2Phc(PASSWORD, 1000), PASSWORD)).resolves.toBe(true);
    });
  });

  describe("the original system's legacy format", () => {
    it('verifies a hash made exactly as the old Python code did', async () => {
      expect(legacy).toMatch(/^[0-9a-f]{64}:[0-9a-f]{64}$/);
      await expect(argonHasher.verify(legacy, PASSWORD)).resolves.toBe(true);
      await expect(pbkdf2Hasher.verify(legacy, PASSWORD)).resolves.toBe(true);
    });

    it('refuses a wrong password', async () => {
      await expect(argonHasher.verify(legacy, 'Correct-Horse-8')).resolves.toBe(false);
    });

    it('encodes non-ASCII passwords as UTF-8, like Python str.encode()', async () => {
      const password = 'pässwörd-🔑-Ω';
      const stored = legacyHash(password);
      await expect(argonHasher.verify(stored, password)).resolves.toBe(true);
      await expect(argonHasher.verify(stored, 'passwort-🔑-Ω')).resolves.toBe(false);
    });

    it('accepts upper-case hex', async () => {
      await expect(argonHasher.verify(legacy.toUpperCase(), PASSWORD)).resolves.toBe(true);
    });
  });

  describe('unknown or damaged formats', () => {
    const garbage = [
      '',
      'not a hash',
      'plaintext-password',
      PASSWORD,
      '$2b$12$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234',
      '$argon2id$garbage',
      '$argon2id$v=19$m=19456,t=2,p=1$!!!$???',
      '$pbkdf2-sha256$i=0$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      '$pbkdf2-sha256$i=1000$AAAA$AAAA',
      '$pbkdf2-sha256$i=99999999$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      '$pbkdf2-sha512$i=1000$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      'abcd:ef01',
      `${'a'.repeat(64)}:${'b'.repeat(63)}`,
      `${'g'.repeat(64)}:${'b'.repeat(64)}`,
    ];

    it.each(garbage)('verify(%j) resolves false without throwing', async (stored) => {
      await expect(argonHasher.verify(stored, PASSWORD)).resolves.toBe(false);
    });

    it('needs a rehash for anything unknown', () => {
      for (const stored of garbage.filter((g) => !g.startsWith('$argon2id$'))) {
        expect(argonHasher.needsRehash(stored)).toBe(true);
      }
      // (i=99999999 is refused by verify, so it can never reach needsRehash.)
      for (const stored of garbage.filter((g) => !g.includes('i=99999999'))) {
        expect(pbkdf2Hasher.needsRehash(stored)).toBe(true);
      }
    });

    it.each(['$argon2id$garbage', '$argon2id$', '$argon2id$v=19$m=19456,t=2,p=1$!!!$???'])(
      'needsRehash(%j) answers true instead of throwing',
      (stored) => {
        let answer: unknown;
        expect(() => {
          answer = argonHasher.needsRehash(stored);
        }).not.toThrow();
        expect(answer).toBe(true);
      },
    );
  });

  describe('verifyDummy', () => {
    it('resolves false, even for the dummy password itself', async () => {
      const hasher = new PasswordHasher('argon2id');
      await expect(hasher.verifyDummy(PASSWORD)).resolves.toBe(false);
      await expect(hasher.verifyDummy('not-a-real-password-0')).resolves.toBe(false);
    });
  });

  describe('event loop', () => {
    it('keeps the event loop free while hashing (argon2id)', async () => {
      const hasher = new PasswordHasher('argon2id');
      let timerFired = false;
      let timerFiredBeforeHash = false;
      const pending = hasher.hash(PASSWORD).then((hash) => {
        timerFiredBeforeHash = timerFired;
        return hash;
      });
      setTimeout(() => {
        timerFired = true;
      }, 0);
      const hash = await pending;
      expect(hash).toMatch(/^\$argon2id\$/);
      expect(timerFiredBeforeHash).toBe(true);
    });

    it('keeps the event loop free while verifying a legacy hash', async () => {
      let immediateFired = false;
      let immediateFiredBeforeVerify = false;
      const pending = argonHasher.verify(legacy, PASSWORD).then((ok) => {
        immediateFiredBeforeVerify = immediateFired;
        return ok;
      });
      setImmediate(() => {
        immediateFired = true;
      });
      await expect(pending).resolves.toBe(true);
      expect(immediateFiredBeforeVerify).toBe(true);
    });
  });
});

describe('PasswordHasher: work for callers who gave up', () => {
  it('refuses to start hashing after the deadline, without running the hash', async () => {
    const hasher = new PasswordHasher('argon2id', 1);
    const started = Date.now();
    const slow = hasher.hash('Queue-Head-Pass1');
    // Queued behind the first hash, with a deadline that passes while it waits.
    const late = hasher.verify(
      '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaGhhc2g',
      'x',
      Date.now() + 1,
    );
    await expect(late).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    await slow;
    expect(Date.now() - started).toBeLessThan(2000);
    await expect(hasher.verify(await hasher.hash('Fresh-Pass-42'), 'Fresh-Pass-42', Date.now() + 5000)).resolves.toBe(
      true,
    );
  });
});

describe('HashingGate', () => {
  const later = () => {
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    return { done, release };
  };

  it('gives a free slot to a waiting sign-in before bulk work that waited longer', async () => {
    const gate = new HashingGate(1);
    const order: string[] = [];
    const first = later();
    const running = gate.run(() => first.done, 'bulk');
    const queued = [
      gate.run(async () => void order.push('bulk 1'), 'bulk'),
      gate.run(async () => void order.push('bulk 2'), 'bulk'),
      gate.run(async () => void order.push('sign-in'), 'sign-in'),
    ];
    first.release();
    await Promise.all([running, ...queued]);
    expect(order).toEqual(['sign-in', 'bulk 1', 'bulk 2']);
  });

  it('refuses bulk work at once (503) when its line is full, but still queues sign-ins', async () => {
    const gate = new HashingGate(1);
    const first = later();
    const running = gate.run(() => first.done, 'bulk');
    const waiting = Array.from({ length: 8 }, () => gate.run(async () => 'bulk', 'bulk'));
    await expect(gate.run(async () => 'one too many', 'bulk')).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    const signIn = gate.run(async () => 'sign-in', 'sign-in');
    first.release();
    await expect(signIn).resolves.toBe('sign-in');
    await Promise.all([running, ...waiting]);
  });

  it('reports its queue on /metrics: waiting per line, running, slots', async () => {
    const gate = new HashingGate(1);
    const metrics = new Metrics('auth');
    gate.reportTo(metrics);
    const series = async () =>
      (await metrics.registry.metrics())
        .split('\n')
        .filter((l) => l.startsWith('garage_password_hash_'))
        .map((l) => l.replace(/,?service="auth"/, ''))
        .sort();
    const first = later();
    const running = gate.run(() => first.done, 'bulk');
    const queued = [
      gate.run(async () => undefined, 'sign-in'),
      gate.run(async () => undefined, 'bulk'),
      gate.run(async () => undefined, 'bulk'),
    ];
    expect(await series()).toEqual([
      'garage_password_hash_active{} 1',
      'garage_password_hash_queue{priority="bulk"} 2',
      'garage_password_hash_queue{priority="sign-in"} 1',
      'garage_password_hash_slots{} 1',
    ]);
    first.release();
    await Promise.all([running, ...queued]);
    expect(await series()).toEqual([
      'garage_password_hash_active{} 0',
      'garage_password_hash_queue{priority="bulk"} 0',
      'garage_password_hash_queue{priority="sign-in"} 0',
      'garage_password_hash_slots{} 1',
    ]);
  });
});
