import { pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import * as argon2 from 'argon2';
import { DomainError, type Metrics } from '@garage/shared';

const pbkdf2Async = promisify(pbkdf2);

export type HashScheme = 'argon2id' | 'pbkdf2';

/** OWASP's argon2id minimum (m=19 MiB, t=2, p=1). */
export const ARGON2_PARAMS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
/** OWASP's PBKDF2-HMAC-SHA256 iteration count. */
export const PBKDF2_ITERATIONS = 600_000;
/** The original system's format: `<salt_hex>:<hash_hex>`, PBKDF2-SHA256, 100,000 iterations, 32-byte salt. */
export const LEGACY_ITERATIONS = 100_000;

const LEGACY = /^([0-9a-f]{64}):([0-9a-f]{64})$/i;
const PBKDF2_PHC = /^\$pbkdf2-sha256\$i=(\d{1,8})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

/**
 * Which hashing waits for which: sign-ins (`'sign-in'`) go before work anyone can cause in bulk
 * (`'bulk'`: registrations, password changes, new users), so a flood of those cannot starve sign-ins.
 */
export type HashPriority = 'sign-in' | 'bulk';

/** Bulk tasks that may wait per hashing slot; beyond that they are refused at once (503) instead of queueing. */
const BULK_QUEUE_PER_SLOT = 8;

/**
 * A counting semaphore with two lines: hashing is CPU-bound, so only `limit` run at once and other work
 * keeps a core; a free slot goes to the oldest sign-in first, then to the oldest bulk task.
 */
export class HashingGate {
  private readonly waiting: Record<HashPriority, Array<() => void>> = { 'sign-in': [], bulk: [] };
  private active = 0;
  constructor(private readonly limit: number) {}

  /**
   * The gate on /metrics: `garage_password_hash_queue{priority}` (tasks waiting per line),
   * `garage_password_hash_active` and `garage_password_hash_slots` (the limit). Every slot busy and
   * sign-ins waiting, scrape after scrape, is a saturated hasher (an alert in infra/prometheus).
   */
  reportTo(metrics: Metrics): void {
    metrics.gaugeFor(
      'garage_password_hash_queue',
      'Password hashes waiting for a slot, by priority',
      'priority',
      ['sign-in', 'bulk'],
      async (priority) => this.waiting[priority as HashPriority].length,
    );
    metrics.gaugeOf('garage_password_hash_active', 'Password hashes running now', async () => this.active);
    metrics.gaugeOf('garage_password_hash_slots', 'Password hashes allowed at once', async () => this.limit);
  }

  async run<T>(task: () => Promise<T>, priority: HashPriority, deadline?: number): Promise<T> {
    if (this.active >= this.limit) {
      const line = this.waiting[priority];
      if (priority === 'bulk' && line.length >= this.limit * BULK_QUEUE_PER_SLOT) throw busy();
      await new Promise<void>((resolve) => line.push(resolve));
    }
    this.active++;
    try {
      // The caller has given up while this waited in line: hashing for nobody would only delay the next ones.
      if (deadline !== undefined && Date.now() >= deadline) throw busy();
      return await task();
    } finally {
      this.active--;
      (this.waiting['sign-in'].shift() ?? this.waiting.bulk.shift())?.();
    }
  }
}

function busy(): DomainError {
  return new DomainError('SERVICE_UNAVAILABLE', 'Sign-in service is busy; try again');
}

/**
 * Password hashing: argon2id (default) or PBKDF2-HMAC-SHA256 for new hashes, stored as
 * self-describing PHC strings; verifies those and the original system's `salt:hash` format.
 * All work runs on libuv's thread pool, never on the event loop.
 */
export class PasswordHasher {
  private readonly gate: HashingGate;
  private dummyHash: Promise<string> | undefined;

  constructor(
    readonly scheme: HashScheme = 'argon2id',
    concurrency = 1,
  ) {
    this.gate = new HashingGate(Math.max(1, concurrency));
  }

  /** Its hashing queue on /metrics (HashingGate.reportTo). */
  reportTo(metrics: Metrics): this {
    this.gate.reportTo(metrics);
    return this;
  }

  /** Hashes a password with the current scheme (a new password: bulk work, unless a sign-in upgrades its hash). */
  hash(password: string, deadline?: number, priority: HashPriority = 'bulk'): Promise<string> {
    return this.gate.run(
      async () => {
        if (this.scheme === 'argon2id') {
          return canonicalArgon2(await argon2.hash(password, { type: argon2.argon2id, ...ARGON2_PARAMS }));
        }
        const salt = randomBytes(16);
        const derived = await pbkdf2Async(password, salt, PBKDF2_ITERATIONS, 32, 'sha256');
        return `$pbkdf2-sha256$i=${PBKDF2_ITERATIONS}$${b64(salt)}$${b64(derived)}`;
      },
      priority,
      deadline,
    );
  }

  /** True when the password matches the stored hash (any supported format); false for unknown formats. */
  verify(stored: string, password: string, deadline?: number, priority: HashPriority = 'sign-in'): Promise<boolean> {
    return this.gate.run(
      async () => {
        if (stored.startsWith('$argon2')) {
          try {
            return await argon2.verify(stored, password);
          } catch {
            return false;
          }
        }
        const phc = PBKDF2_PHC.exec(stored);
        if (phc) {
          return pbkdf2Equals(password, Buffer.from(phc[2], 'base64'), Number(phc[1]), Buffer.from(phc[3], 'base64'));
        }
        const legacy = LEGACY.exec(stored);
        if (legacy) {
          return pbkdf2Equals(
            password,
            Buffer.from(legacy[1], 'hex'),
            LEGACY_ITERATIONS,
            Buffer.from(legacy[2], 'hex'),
          );
        }
        return false;
      },
      priority,
      deadline,
    );
  }

  /** Spends about the time of a real verification, so an unknown account answers like a wrong password. */
  async verifyDummy(password: string, deadline?: number): Promise<false> {
    this.dummyHash ??= this.hash('not-a-real-password-0', undefined, 'sign-in');
    await this.verify(await this.dummyHash, password, deadline);
    return false;
  }

  /** True when a stored hash is weaker than (or different from) what this hasher would write now. */
  needsRehash(stored: string): boolean {
    if (this.scheme === 'argon2id') {
      if (!stored.startsWith('$argon2id$')) return true;
      try {
        return argon2.needsRehash(stored, ARGON2_PARAMS);
      } catch {
        return true;
      }
    }
    const phc = PBKDF2_PHC.exec(stored);
    return !phc || Number(phc[1]) < PBKDF2_ITERATIONS;
  }
}

async function pbkdf2Equals(password: string, salt: Buffer, iterations: number, expected: Buffer): Promise<boolean> {
  if (iterations < 1 || iterations > 10_000_000 || expected.length < 16) return false;
  const derived = await pbkdf2Async(password, salt, iterations, expected.length, 'sha256');
  return timingSafeEqual(derived, expected);
}

/**
 * node-argon2 writes the parameters as `m=…,p=…,t=…`; the reference implementation (and so Python's
 * argon2-cffi, PHP, …) only reads `m=…,t=…,p=…`. Store the canonical order so the hashes stay portable.
 */
function canonicalArgon2(hash: string): string {
  return hash.replace(/\$m=(\d+),p=(\d+),t=(\d+)\$/, '$m=$1,t=$3,p=$2$');
}

function b64(buf: Buffer): string {
  return buf.toString('base64').replace(/=+$/, '');
}
