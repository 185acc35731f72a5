// The audit log in plain words: what each action means, who did it, what changed, and the
// page's filters as the API's query. Pure functions; the page (routes/staff/Audit) shows them.
import type { AuditAction, AuditActor, AuditEntry, AuditQuery } from '../api/staff/audit';
import { dayWindow } from './day-board';

/** What was done, as the log's reader would say it. */
export const AUDIT_ACTION_WORDS: Record<AuditAction, string> = {
  'auth.sign_in': 'Signed in',
  'auth.sign_in_failed': 'Failed to sign in',
  'auth.user.created': 'Added a staff account',
  'auth.user.updated': 'Changed a staff account',
  'auth.customer.status_changed': "Changed a customer's access",
  'auth.password.changed': 'Changed their password',
  'catalog.branch.created': 'Added a branch',
  'catalog.branch.updated': 'Changed a branch',
  'catalog.service.created': 'Added a service',
  'catalog.service.updated': 'Changed a service',
  'inventory.part.created': 'Added a part',
  'inventory.part.updated': 'Changed a part',
  'inventory.stock.adjusted': 'Received or adjusted stock',
  'inventory.stock.transferred': 'Moved stock to another branch',
  'bookings.booking.status_changed': 'Moved a booking on',
  'bookings.vehicle.owner_changed': 'Gave a car a new owner',
};

export function auditActionWords(action: string): string {
  return (AUDIT_ACTION_WORDS as Record<string, string>)[action] ?? action;
}

/**
 * The "kind of change" filter: readable groups, each the actions or prefixes (ending in a dot) the
 * API selects by. `value` is what the URL keeps.
 */
export const AUDIT_KINDS: { value: string; label: string; actions: string[] }[] = [
  { value: 'sign-ins', label: 'Sign-ins', actions: ['auth.sign_in', 'auth.sign_in_failed'] },
  { value: 'failed-sign-ins', label: 'Failed sign-ins only', actions: ['auth.sign_in_failed'] },
  { value: 'accounts', label: 'Accounts', actions: ['auth.user.', 'auth.customer.', 'auth.password.'] },
  { value: 'catalog', label: 'Catalog & branches', actions: ['catalog.'] },
  { value: 'stock', label: 'Stock & parts', actions: ['inventory.'] },
  { value: 'bookings', label: 'Bookings', actions: ['bookings.'] },
];

/** The page's filters as the URL keeps them ('' when not set). */
export interface AuditFilters {
  /** An AUDIT_KINDS value. */
  kind: string;
  branch: string;
  /** YYYY-MM-DD, whole days in `timeZone`. */
  from: string;
  to: string;
  /** An actor's id (a link from a name in the log). */
  by: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The API's query for the filters: the kind's actions (comma-separated), the branch, the person,
 * and the dates as instants, from the start of `from` to the end of `to` in `timeZone`.
 */
export function auditQueryOf(f: AuditFilters, timeZone: string): AuditQuery {
  const kind = AUDIT_KINDS.find((k) => k.value === f.kind);
  return {
    ...(kind ? { action: kind.actions.join(',') } : {}),
    ...(f.branch ? { branchId: f.branch } : {}),
    ...(f.by ? { actorId: f.by } : {}),
    ...(DATE.test(f.from) ? { from: dayWindow(f.from, timeZone).from } : {}),
    ...(DATE.test(f.to) ? { to: dayWindow(f.to, timeZone).to } : {}),
  };
}

/** The CSV download of what the query selects (a plain link: the session cookie goes with it). */
export function auditExportHref(query: AuditQuery): string {
  const params = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => Boolean(e[1])));
  const search = params.toString();
  return `/api/audit/export${search ? `?${search}` : ''}`;
}

/** Who did it: a staff member's username, a customer, someone signing in, or the system itself. */
export function actorWords(actor: AuditActor, staffName: (id: string) => string | undefined): string {
  switch (actor.kind) {
    case 'user':
      return (actor.id && staffName(actor.id)) || 'A staff member';
    case 'customer':
      return 'Customer';
    case 'anonymous':
      return actor.label === null ? 'Someone' : `Someone trying “${actor.label}”`;
    case 'system':
      return 'System';
  }
}

/** The console page of what an entry is about, where there is one. */
export function subjectPath(subject: AuditEntry['subject']): string | undefined {
  const pages: Record<string, string> = { booking: 'bookings', part: 'parts', customer: 'customers' };
  const page = pages[subject.type];
  return page ? `/staff/${page}/${encodeURIComponent(subject.id)}` : undefined;
}

type Snapshot = Record<string, unknown> | null;

/** Field names in plain words (others are split at their capitals: "reorderLevel" → "reorder level"). */
const FIELD_WORDS: Record<string, string> = {
  onHand: 'on hand',
  fromOnHand: 'on hand here',
  toOnHand: 'on hand there',
  toBranchId: 'to',
  branchIds: 'branches',
  delta: 'change',
  laborRateCents: 'labour rate',
  laborHundredths: 'labour hours',
  unitPriceCents: 'unit price',
  taxRatePercent: 'tax %',
  timezone: 'time zone',
  durationMinutes: 'minutes',
  sku: 'SKU',
};
/** Bookkeeping the full record keeps but the summary leaves out. */
const LEFT_OUT = new Set(['ledgerSeq', 'ledgerSeqs']);
/** The summary names at most this many fields, then "+N more". */
const MOST = 4;
const LONGEST = 40;

function fieldWords(key: string): string {
  return FIELD_WORDS[key] ?? key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function valueWords(key: string, value: unknown, branchName: (id: string) => string): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') {
    if (key.endsWith('Cents')) return (value / 100).toFixed(2);
    if (key === 'laborHundredths') return String(value / 100);
    if (key === 'delta') return value > 0 ? `+${value}` : String(value);
    return String(value);
  }
  if (typeof value === 'string') {
    const text = key.endsWith('BranchId') ? branchName(value) : value;
    return text.length > LONGEST ? `${text.slice(0, LONGEST - 1)}…` : text;
  }
  if (Array.isArray(value)) {
    if (key === 'branchIds') return value.length ? value.map((id) => branchName(String(id))).join(', ') : 'none';
    return `${value.length} item${value.length === 1 ? '' : 's'}`;
  }
  return '…';
}

/**
 * What changed, short: "bays 2 → 3", "status requested → confirmed"; a field only after (a new
 * record, a reason) as "reason stock take". At most four fields, then "+N more" (the full
 * before and after are a click away).
 */
export function changeSummary(before: Snapshot, after: Snapshot, branchName: (id: string) => string = (id) => id) {
  const keys = [...new Set([...Object.keys(after ?? {}), ...Object.keys(before ?? {})])].filter(
    (k) => !LEFT_OUT.has(k),
  );
  const parts: string[] = [];
  for (const key of keys) {
    const was = before && key in before ? valueWords(key, before[key], branchName) : undefined;
    const now = after && key in after ? valueWords(key, after[key], branchName) : undefined;
    const label = fieldWords(key);
    if (was !== undefined && now !== undefined) {
      // An object (opening hours) changed inside: both sides read "…".
      parts.push(was === now ? `${label} changed` : `${label} ${was} → ${now}`);
    } else if (now !== undefined) parts.push(`${label} ${now}`);
    else parts.push(`${label} ${was} → —`);
  }
  if (parts.length <= MOST) return parts.join(', ');
  return `${parts.slice(0, MOST).join(', ')}, +${parts.length - MOST} more`;
}
