import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { AuditEntry } from '@garage/shared';
import { startSystem, type TestSystem } from '../../../test/support/system.js';
import { freshIp, http, loginStaff } from '../../../test/support/http.js';
import { bookFirstFreeSlot, openBranchAndCustomer, type Journey } from '../../../test/support/journey.js';
import { testEnv } from '../../../test/support/test-env.js';
import { untilValue } from '../../../test/support/waits.js';

/**
 * The audit log across the whole system: each service writes its entries in the transaction of the
 * change, the other services' travel through their outboxes to the auth service, which keeps them
 * append-only and answers GET /api/audit and its CSV export (admins only).
 */
let sys: TestSystem;
let admin: string;
let adminId: string;
let db: pg.Pool;
let journey: Journey;
/** When this suite began: its own entries are the ones after it (suites before it in this worker wrote theirs). */
let since: string;

beforeAll(async () => {
  since = new Date().toISOString();
  sys = await startSystem();
  admin = await loginStaff(sys.url, 'admin', 'admin123');
  adminId = (await http<{ user: { id: string } }>(sys.url, 'GET', '/api/me', { token: admin })).body.user.id;
  db = new pg.Pool({ connectionString: testEnv().DATABASE_URL, max: 2 });
  journey = await openBranchAndCustomer(sys.url, admin);
});

afterAll(async () => {
  await db.end();
  await sys.close();
});

type Page = { items: AuditEntry[]; nextCursor: string | null };

const audit = (query: string, token = admin) => http<Page>(sys.url, 'GET', `/api/audit?${query}`, { token });

/** The entries a query selects, once each action named has arrived from this address (they travel as events). */
async function entriesOnceThere(query: string, actions: string[], ip: string): Promise<AuditEntry[]> {
  const page = await untilValue(
    `audit entries ${actions.join(', ')} from ${ip} for ${query}`,
    async () => (await audit(`${query}&limit=100`)).body,
    (p) => actions.every((a) => p.items?.some((e) => e.action === a && e.ip === ip)),
  );
  return page.items;
}

const ok = (res: { status: number; text: string }, status = 200) => {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${res.text}`);
};

describe('what the log records', () => {
  it('who changed what in catalog, inventory and bookings, at which branch, from which address, before and after', async () => {
    const ip = freshIp();
    const as = { token: admin, ip };
    const branchId = journey.branch.id;
    ok(await http(sys.url, 'PATCH', `/api/branches/${branchId}`, { ...as, body: { bays: 3 } }));
    ok(
      await http(sys.url, 'POST', `/api/parts/${journey.partId}/adjust`, {
        ...as,
        body: { branchId, delta: -1, kind: 'adjust', reason: 'stock take: one missing' },
      }),
    );
    const booking = await bookFirstFreeSlot(sys.url, journey);
    ok(await http(sys.url, 'PATCH', `/api/bookings/${booking.id}/status`, { ...as, body: { status: 'confirmed' } }));

    const entries = await entriesOnceThere(
      `branchId=${branchId}`,
      ['catalog.branch.updated', 'inventory.stock.adjusted', 'bookings.booking.status_changed'],
      ip,
    );
    const byAction = (a: string) => entries.filter((e) => e.action === a);
    const actor = { kind: 'user', id: adminId, label: null };

    const [branch] = byAction('catalog.branch.updated').filter((e) => e.ip === ip);
    expect(branch).toMatchObject({ service: 'catalog', actor, ip, branchId, before: { bays: 2 }, after: { bays: 3 } });
    expect(branch.subject).toEqual({ type: 'branch', id: branchId });

    const stock = byAction('inventory.stock.adjusted').find((e) => e.ip === ip)!;
    expect(stock).toMatchObject({
      service: 'inventory',
      actor,
      branchId,
      subject: { type: 'part', id: journey.partId },
      before: { onHand: 5 },
      after: { onHand: 4, delta: -1, kind: 'adjust', reason: 'stock take: one missing' },
    });
    // The entry names the ledger row it made.
    const ledger = await db.query('SELECT part_id, delta FROM inventory.stock_movements WHERE seq = $1', [
      (stock.after as { ledgerSeq: number }).ledgerSeq,
    ]);
    expect(ledger.rows).toEqual([{ part_id: journey.partId, delta: -1 }]);

    const [moved] = byAction('bookings.booking.status_changed').filter((e) => e.ip === ip);
    expect(moved).toMatchObject({
      service: 'bookings',
      actor,
      ip,
      subject: { type: 'booking', id: booking.id },
      before: { status: 'requested' },
      after: { status: 'confirmed' },
    });
    // Newest first.
    const times = entries.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('sign-ins, failed and successful, and account changes, with the address they came from', async () => {
    const username = `audit-${randomUUID().slice(0, 8)}`;
    const created = await http<{ id: string }>(sys.url, 'POST', '/api/users', {
      token: admin,
      body: { username, password: 'Audit-Trail-42', role: 'staff', branchIds: [journey.branch.id] },
    });
    ok(created, 201);
    const userId = created.body.id;
    const ip = freshIp();
    const wrong = await http(sys.url, 'POST', '/api/login', { body: { username, password: 'Not-It-42' }, ip });
    expect(wrong.status).toBe(401);
    await loginStaff(sys.url, username, 'Audit-Trail-42', ip);
    ok(await http(sys.url, 'PATCH', `/api/users/${userId}`, { token: admin, body: { status: 'suspended' } }));

    const about = (await audit(`action=auth.&limit=100`)).body.items.filter((e) => e.subject.id === userId);
    const actions = about.map((e) => e.action);
    expect(actions).toEqual(['auth.user.updated', 'auth.sign_in', 'auth.sign_in_failed', 'auth.user.created']);
    const [suspended, signedIn, failed, made] = about;
    expect(made).toMatchObject({ actor: { kind: 'user', id: adminId }, after: { username, role: 'staff' } });
    expect(failed).toMatchObject({
      actor: { kind: 'anonymous', id: null, label: username },
      ip,
      after: { reason: 'wrong password' },
    });
    expect(signedIn).toMatchObject({ actor: { kind: 'user', id: userId }, ip });
    expect(suspended).toMatchObject({ before: { status: 'active' }, after: { status: 'suspended' } });
    expect(suspended.before).not.toHaveProperty('role');

    // By actor: what the new account itself did.
    const own = (await audit(`actorId=${userId}`)).body.items.map((e) => e.action);
    expect(own).toEqual(['auth.sign_in']);
  });
});

describe('reading the log', () => {
  it('pages newest first without gaps or repeats, and filters by action and time', async () => {
    const all = (await audit('limit=100')).body.items;
    expect(all.length).toBeGreaterThan(5);
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null && seen.length < 100) {
      const page: Page = (await audit(`limit=2${cursor ? `&cursor=${cursor}` : ''}`)).body;
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.slice(0, all.length)).toEqual(all.map((e) => e.id).slice(0, seen.length));

    const exact = (await audit('action=auth.sign_in')).body.items;
    expect(exact.length).toBeGreaterThan(0);
    expect(exact.every((e) => e.action === 'auth.sign_in')).toBe(true);
    // Several actions or prefixes at once: the entries of any of them.
    const either = (await audit('action=auth.sign_in_failed,auth.user.&limit=100')).body.items.map((e) => e.action);
    expect(new Set(either)).toEqual(new Set(['auth.sign_in_failed', 'auth.user.created', 'auth.user.updated']));
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await audit(`from=${encodeURIComponent(future)}`)).body.items).toEqual([]);
    const early = (await audit(`to=${encodeURIComponent(all[all.length - 1].at)}`)).body.items;
    expect(early.every((e) => Date.parse(e.at) < Date.parse(all[all.length - 1].at))).toBe(true);
  });

  it('is for admins only, and refuses bad filters with 400', async () => {
    const staff = `audit-staff-${randomUUID().slice(0, 8)}`;
    ok(
      await http(sys.url, 'POST', '/api/users', {
        token: admin,
        body: { username: staff, password: 'Audit-Trail-42', role: 'staff', branchIds: [journey.branch.id] },
      }),
      201,
    );
    const staffToken = await loginStaff(sys.url, staff, 'Audit-Trail-42');
    expect((await http(sys.url, 'GET', '/api/audit')).status).toBe(401);
    expect((await audit('', staffToken)).status).toBe(403);
    expect((await audit('', journey.customer)).status).toBe(403);
    expect((await http(sys.url, 'GET', '/api/audit/export', { token: staffToken })).status).toBe(403);
    for (const bad of [
      'actorId=nope',
      'from=yesterday',
      'action=DROP%20TABLE',
      'action=auth.,',
      'action=,auth.',
      'cursor=abc',
      'limit=1000',
    ]) {
      const res = await audit(bad);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400 });
    }
  });

  it('exports as CSV with the same filters, defusing anything a spreadsheet would run', async () => {
    const ip = freshIp();
    const formula = `=cmd|${randomUUID().slice(0, 6)}`;
    expect((await http(sys.url, 'POST', '/api/login', { body: { username: formula, password: 'x' }, ip })).status).toBe(
      401,
    );
    const filters = `action=auth.sign_in_failed&from=${encodeURIComponent(since)}`;
    const listed = (await audit(`${filters}&limit=100`)).body.items;
    expect(listed.length).toBeGreaterThanOrEqual(2); // the wrong password above, and this one
    const res = await fetch(`${sys.url}/api/audit/export?${filters}`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="audit-.*\.csv"$/);
    const lines = (await res.text()).split('\r\n').filter(Boolean);
    expect(lines[0]).toBe(
      '"at","service","action","actor_kind","actor_id","actor_label","ip","branch_id","subject_type","subject_id","before","after","id"',
    );
    expect(lines).toHaveLength(listed.length + 1);
    expect(lines.every((l, i) => i === 0 || l.includes('"auth.sign_in_failed"'))).toBe(true);
    expect(lines.some((l) => l.includes(`"'${formula}"`))).toBe(true);
    expect(lines.some((l) => l.includes(`"${formula}"`))).toBe(false);
  });
});

describe('keeping the log', () => {
  it('is append-only: the database refuses to change, delete or truncate an entry', async () => {
    for (const statement of [
      `UPDATE auth.audit_entries SET action = 'auth.sign_in' WHERE seq = (SELECT min(seq) FROM auth.audit_entries)`,
      `DELETE FROM auth.audit_entries`,
      `TRUNCATE auth.audit_entries`,
    ]) {
      await expect(db.query(statement)).rejects.toThrow(/append-only/);
    }
  });

  it('the retention job deletes what is older than AUDIT_RETENTION_DAYS (365) and nothing newer', async () => {
    const old = randomUUID();
    const recent = randomUUID();
    for (const [id, days] of [
      [old, 400],
      [recent, 300],
    ] as const) {
      await db.query(
        `INSERT INTO auth.audit_entries (id, at, service, action, actor_kind, subject_type, subject_id)
         VALUES ($1, now() - make_interval(days => $2), 'auth', 'auth.sign_in', 'system', 'test', 'retention')`,
        [id, days],
      );
    }
    await sys.auth.jobs.runOnce('audit-retention');
    const left = await db.query(`SELECT id FROM auth.audit_entries WHERE id = ANY($1::uuid[])`, [[old, recent]]);
    expect(left.rows.map((r) => r.id)).toEqual([recent]);
  });
});
