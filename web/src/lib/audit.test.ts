import {
  AUDIT_ACTION_WORDS,
  AUDIT_KINDS,
  actorWords,
  auditActionWords,
  auditExportHref,
  auditQueryOf,
  changeSummary,
  subjectPath,
  type AuditFilters,
} from './audit';

const none: AuditFilters = { kind: '', branch: '', from: '', to: '', by: '' };
const BRANCH = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const OTHER = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const names: Record<string, string> = { [BRANCH]: 'North', [OTHER]: 'South' };
const branchName = (id: string) => names[id] ?? 'Unknown branch';

/** Whether an action is selected by an API filter term (an action, or a prefix ending in a dot). */
const selects = (term: string, action: string) => (term.endsWith('.') ? action.startsWith(term) : action === term);

describe('the kinds of change', () => {
  const actions = Object.keys(AUDIT_ACTION_WORDS);

  it('puts every action the log records in exactly one of the readable groups', () => {
    const groups = AUDIT_KINDS.filter((k) => k.value !== 'failed-sign-ins');
    expect(groups.map((g) => g.label)).toEqual([
      'Sign-ins',
      'Accounts',
      'Catalog & branches',
      'Stock & parts',
      'Bookings',
    ]);
    for (const action of actions) {
      const holding = groups.filter((g) => g.actions.some((term) => selects(term, action)));
      expect({ action, groups: holding.map((g) => g.label) }).toEqual({ action, groups: [expect.any(String)] });
    }
  });

  it('selects sign-ins both successful and failed, and failed ones alone', () => {
    const of = (value: string) =>
      actions.filter((a) => AUDIT_KINDS.find((k) => k.value === value)!.actions.some((t) => selects(t, a)));
    expect(of('sign-ins')).toEqual(['auth.sign_in', 'auth.sign_in_failed']);
    expect(of('failed-sign-ins')).toEqual(['auth.sign_in_failed']);
    expect(of('accounts')).toEqual([
      'auth.user.created',
      'auth.user.updated',
      'auth.customer.status_changed',
      'auth.password.changed',
    ]);
  });

  it('says each action in plain words, and an unknown one as it is', () => {
    for (const words of Object.values(AUDIT_ACTION_WORDS)) expect(words).not.toMatch(/[._]/);
    expect(auditActionWords('inventory.stock.transferred')).toBe('Moved stock to another branch');
    expect(auditActionWords('fleet.truck.parked')).toBe('fleet.truck.parked');
  });
});

describe('the filters as the API query', () => {
  it('asks for nothing in particular when nothing is chosen', () => {
    expect(auditQueryOf(none, 'Europe/London')).toEqual({});
    expect(auditExportHref({})).toBe('/api/audit/export');
  });

  it("maps a kind to its actions, and keeps the branch and the person's id", () => {
    expect(auditQueryOf({ ...none, kind: 'accounts', branch: BRANCH, by: OTHER }, 'UTC')).toEqual({
      action: 'auth.user.,auth.customer.,auth.password.',
      branchId: BRANCH,
      actorId: OTHER,
    });
    expect(auditQueryOf({ ...none, kind: 'sign-ins' }, 'UTC')).toEqual({ action: 'auth.sign_in,auth.sign_in_failed' });
    // A kind the page does not know (an old link) filters nothing rather than failing.
    expect(auditQueryOf({ ...none, kind: 'weather' }, 'UTC')).toEqual({});
  });

  it('turns the dates into instants: from the start of the first day to the end of the last, in the zone', () => {
    // Summer in London (UTC+1): local midnight is 23:00 UTC the day before.
    expect(auditQueryOf({ ...none, from: '2026-07-01', to: '2026-07-02' }, 'Europe/London')).toEqual({
      from: '2026-06-30T23:00:00.000Z',
      to: '2026-07-02T23:00:00.000Z',
    });
    // One day in New York in winter (UTC-5).
    expect(auditQueryOf({ ...none, from: '2026-01-10', to: '2026-01-10' }, 'America/New_York')).toEqual({
      from: '2026-01-10T05:00:00.000Z',
      to: '2026-01-11T05:00:00.000Z',
    });
    // The day the clocks go forward is 23 hours long.
    const spring = auditQueryOf({ ...none, from: '2026-03-29', to: '2026-03-29' }, 'Europe/London');
    expect(Date.parse(spring.to!) - Date.parse(spring.from!)).toBe(23 * 3_600_000);
    expect(auditQueryOf({ ...none, from: 'yesterday', to: '2026-13' }, 'UTC')).toEqual({});
  });

  it('gives the CSV link the same filters', () => {
    const query = auditQueryOf({ kind: 'stock', branch: BRANCH, from: '2026-07-01', to: '', by: '' }, 'UTC');
    const href = auditExportHref(query);
    expect(href.startsWith('/api/audit/export?')).toBe(true);
    const params = new URL(href, 'http://localhost').searchParams;
    expect(Object.fromEntries(params)).toEqual({
      action: 'inventory.',
      branchId: BRANCH,
      from: '2026-07-01T00:00:00.000Z',
    });
  });
});

describe('who did it', () => {
  const staff = (id: string) => (id === OTHER ? 'desk-jo' : undefined);

  it('names staff by username, customers as a customer, the system as itself', () => {
    expect(actorWords({ kind: 'user', id: OTHER, label: null }, staff)).toBe('desk-jo');
    expect(actorWords({ kind: 'user', id: BRANCH, label: null }, staff)).toBe('A staff member');
    expect(actorWords({ kind: 'customer', id: BRANCH, label: null }, staff)).toBe('Customer');
    expect(actorWords({ kind: 'system', id: null, label: null }, staff)).toBe('System');
  });

  it('shows a failed sign-in by what was typed', () => {
    expect(actorWords({ kind: 'anonymous', id: null, label: 'admin' }, staff)).toBe('Someone trying “admin”');
    expect(actorWords({ kind: 'anonymous', id: null, label: null }, staff)).toBe('Someone');
  });

  it('links what an entry is about to its page where there is one', () => {
    expect(subjectPath({ type: 'booking', id: BRANCH })).toBe(`/staff/bookings/${BRANCH}`);
    expect(subjectPath({ type: 'part', id: OTHER })).toBe(`/staff/parts/${OTHER}`);
    expect(subjectPath({ type: 'customer', id: OTHER })).toBe(`/staff/customers/${OTHER}`);
    expect(subjectPath({ type: 'login', id: 'x/../y' })).toBeUndefined();
  });
});

describe('what changed', () => {
  it('says a change as before → after', () => {
    expect(changeSummary({ bays: 2 }, { bays: 3 })).toBe('bays 2 → 3');
    expect(changeSummary({ status: 'requested' }, { status: 'confirmed' })).toBe('status requested → confirmed');
    expect(changeSummary({ status: 'in_progress' }, { status: 'completed', mileage: 52100 })).toBe(
      'status in_progress → completed, mileage 52100',
    );
  });

  it('says nothing for an entry without values, and the reason of a refused sign-in', () => {
    expect(changeSummary(null, null)).toBe('');
    expect(changeSummary(null, { reason: 'wrong password' })).toBe('reason wrong password');
  });

  it('reads stock movements without their ledger bookkeeping, with branch names', () => {
    expect(
      changeSummary(
        { onHand: 5 },
        { onHand: 4, delta: -1, kind: 'adjust', reason: 'stock take: one missing', ledgerSeq: 17 },
        branchName,
      ),
    ).toBe('on hand 5 → 4, change -1, kind adjust, reason stock take: one missing');
    expect(
      changeSummary(
        { fromOnHand: 8, toOnHand: 0 },
        { fromOnHand: 1, toOnHand: 7, toBranchId: OTHER, quantity: 7, reason: 'rebalancing', ledgerSeqs: [3, 4] },
        branchName,
      ),
    ).toBe('on hand here 8 → 1, on hand there 0 → 7, to South, quantity 7, +1 more');
  });

  it('writes money, hours, yes/no, lists and nested values short', () => {
    expect(changeSummary({ unitPriceCents: 1250, active: true }, { unitPriceCents: 1999, active: false })).toBe(
      'unit price 12.50 → 19.99, active yes → no',
    );
    expect(changeSummary({ laborHundredths: 150 }, { laborHundredths: 225 })).toBe('labour hours 1.5 → 2.25');
    expect(changeSummary({ branchIds: [BRANCH] }, { branchIds: [BRANCH, OTHER] }, branchName)).toBe(
      'branches North → North, South',
    );
    expect(changeSummary({ openingHours: { monday: [] } }, { openingHours: { monday: null } })).toBe(
      'opening hours changed',
    );
    expect(changeSummary(null, { parts: [{ partSku: 'A' }, { partSku: 'B' }] })).toBe('parts 2 items');
    expect(changeSummary({ reorderLevel: 3 }, {})).toBe('reorder level 3 → —');
    expect(changeSummary(null, { description: 'x'.repeat(100) })).toBe(`description ${'x'.repeat(39)}…`);
  });
});
