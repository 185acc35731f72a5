import { Link } from 'react-router';
import { useAuditLog, useStaffNames, type AuditEntry } from '../../api/staff/audit';
import { useAllBranches } from '../../api/staff/catalog';
import { itemsOf } from '../../api/staff/paging';
import { Field, SelectField } from '../../components/Field';
import { FilterBar, useUrlFilters } from '../../components/Filters';
import { PagedTable } from '../../components/PagedTable';
import { PageTitle } from '../../components/PageTitle';
import { EmptyState, QueryStates } from '../../components/States';
import {
  AUDIT_KINDS,
  actorWords,
  auditActionWords,
  auditExportHref,
  auditQueryOf,
  changeSummary,
  subjectPath,
  type AuditFilters,
} from '../../lib/audit';
import { formatDateTimeSeconds, localTimeZone, zoneLabel } from '../../lib/format';
import { AdminsOnly, BranchSelect, useMyBranches } from './console';
import './Audit.css';

/**
 * The audit log (admins only): who did what, when, at which branch, from which address, and what
 * it was before; filtered by kind of change, branch, dates and person (all in the URL), with the
 * same selection as a CSV download.
 */
export function Component() {
  const url = useUrlFilters();
  const { user, mine } = useMyBranches();
  const zone = localTimeZone();
  const filters: AuditFilters = {
    kind: url.get('kind'),
    branch: url.get('branch'),
    from: url.get('from'),
    to: url.get('to'),
    by: url.get('by'),
  };
  const query = auditQueryOf(filters, zone);
  const list = useAuditLog(query, user.isAdmin);
  const names = useStaffNames(user.isAdmin);
  const branches = useAllBranches();
  if (!user.isAdmin) return <AdminsOnly title="Audit log" why="Only admins read the audit log." />;
  const items = itemsOf(list.data);
  const branchName = (id: string) => branches.data?.items.find((b) => b.id === id)?.name ?? 'Unknown branch';
  const staffName = (id: string) => names.data?.get(id);
  const badRange = filters.from && filters.to && filters.to < filters.from;
  const byWhom = filters.by && (staffName(filters.by) ?? 'one person');
  const onlyBy = (id: string) => {
    const next = new URLSearchParams(url.params);
    next.set('by', id);
    return `?${next.toString()}`;
  };
  const who = (e: AuditEntry) => {
    if (e.actor.kind === 'user' && names.isPending) return '…';
    const words = actorWords(e.actor, staffName);
    const id = e.actor.id;
    // A person's name narrows the log to what they did.
    return id && !filters.by ? <Link to={onlyBy(id)}>{words}</Link> : words;
  };
  const about = (e: AuditEntry) =>
    e.subject.type === 'user' ? staffName(e.subject.id) : e.subject.type === 'branch' ? branchName(e.subject.id) : null;
  return (
    <section>
      <PageTitle>Audit log</PageTitle>
      <FilterBar label="Filter the audit log">
        <SelectField label="Kind of change" value={filters.kind} onChange={(e) => url.set({ kind: e.target.value })}>
          <option value="">Every kind</option>
          {AUDIT_KINDS.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </SelectField>
        <BranchSelect
          branches={mine}
          value={filters.branch}
          onChange={(id) => url.set({ branch: id })}
          allLabel="Whole chain"
        />
        <Field label="From" type="date" value={filters.from} onChange={(e) => url.set({ from: e.target.value })} />
        <Field
          label="To"
          type="date"
          value={filters.to}
          onChange={(e) => url.set({ to: e.target.value })}
          error={badRange ? 'The end date is before the start date' : undefined}
        />
      </FilterBar>
      {byWhom && (
        <p className="notice audit-by">
          Only what {byWhom} did.{' '}
          <button type="button" className="secondary" onClick={() => url.set({ by: '' })}>
            Show everyone
          </button>
        </p>
      )}
      <div className="toolbar audit-toolbar">
        <p className="muted">Times and dates are your own: {zoneLabel(zone)}.</p>
        <a className="button-link secondary" href={auditExportHref(query)} download>
          Download CSV
        </a>
      </div>
      <QueryStates
        query={list}
        loading="Loading the audit log"
        what="The audit log"
        empty={
          !items.length && (
            <EmptyState title="Nothing recorded matches">
              <p>Try another kind of change, branch or date range.</p>
            </EmptyState>
          )
        }
      >
        <PagedTable
          list={list}
          noun="record"
          caption="The audit log, newest first"
          columns={['When', 'Who', 'What', 'Where', 'From', 'Change']}
        >
          {items.map((e) => {
            const path = subjectPath(e.subject);
            const words = auditActionWords(e.action);
            const name = about(e);
            const change = changeSummary(e.before, e.after, branchName);
            return (
              <tr key={e.id}>
                <td>
                  <time dateTime={e.at}>{formatDateTimeSeconds(e.at, zone)}</time>
                </td>
                <td>{who(e)}</td>
                <td>
                  {path ? <Link to={path}>{words}</Link> : words}
                  {name && <span className="muted"> · {name}</span>}
                </td>
                <td>{e.branchId ? branchName(e.branchId) : '—'}</td>
                <td className="mono audit-ip">{e.ip ?? '—'}</td>
                <td className="audit-change">
                  {e.before || e.after ? (
                    <details>
                      <summary>{change || 'Details'}</summary>
                      <pre>{JSON.stringify({ before: e.before, after: e.after }, null, 2)}</pre>
                    </details>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            );
          })}
        </PagedTable>
      </QueryStates>
    </section>
  );
}
