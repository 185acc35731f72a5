import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useAllBookings } from '../../api/staff/bookings';
import { useDashboard } from '../../api/staff/dashboard';
import { useLowStock } from '../../api/staff/parts';
import type { Branch, Dashboard } from '../../api/types';
import { Money } from '../../components/Money';
import { PageTitle } from '../../components/PageTitle';
import { EmptyState, ErrorPanel, Loading } from '../../components/States';
import { StatusBadge } from '../../components/StatusBadge';
import { dayWindow, wallClock } from '../../lib/day-board';
import { formatNumber, formatTime, todayIn, zoneLabel } from '../../lib/format';
import { BOOKING_STATUS_WORDS } from '../../lib/words';
import { BarChart, ColumnChart } from './charts';
import { BranchSelect, useMyBranches } from './console';

/**
 * The figures of the branches the user works at (the server scopes them), one branch or all. Each
 * panel loads on its own, so one failing service leaves the others showing.
 */
export function Component() {
  const [params, setParams] = useSearchParams();
  const branches = useMyBranches();
  const { user } = branches;
  // A staff member of one branch sees that branch; an admin starts with the whole chain.
  const fallback = !user.isAdmin && branches.mine.length === 1 ? branches.mine[0]!.id : '';
  const branchId = params.get('branch') ?? fallback;
  const branch = branches.all.find((b) => b.id === branchId);
  const currency = branches.all[0]?.currency ?? 'USD';
  const dashboard = useDashboard(branchId || undefined);
  const d = dashboard.data;

  return (
    <section className="dashboard">
      <PageTitle>Dashboard</PageTitle>
      <div className="toolbar">
        <BranchSelect
          label="Show"
          branches={branches.mine}
          value={branchId}
          onChange={(id) => setParams(id ? { branch: id } : { branch: '' }, { replace: true })}
          allLabel={user.isAdmin ? 'Whole chain' : 'All my branches'}
        />
      </div>

      <section aria-labelledby="figures-title" className="panel">
        <h2 id="figures-title">
          {branch ? `${branch.name} at a glance` : user.isAdmin ? 'The chain at a glance' : 'Your branches at a glance'}
        </h2>
        {dashboard.isPending ? (
          // The figures' own grid with dashes: as tall as the figures at every width, so the panels
          // below do not move when the numbers arrive. The words are for screen readers.
          <>
            <div className="visually-hidden">
              <Loading what="Loading the figures" />
            </div>
            <Figures currency={currency} branchId={branchId} />
          </>
        ) : dashboard.isError ? (
          <ErrorPanel error={dashboard.error} what="The figures" retry={() => void dashboard.refetch()} />
        ) : (
          <>
            {d!.unavailable.length > 0 && (
              <p className="notice" role="status">
                {d!.unavailable.map((part) => UNAVAILABLE_WORDS[part]).join(' ')} The other figures are current.
              </p>
            )}
            <Figures d={d} currency={currency} branchId={branchId} />
          </>
        )}
      </section>

      <div className="panels">
        <section aria-labelledby="status-title" className="panel">
          <h2 id="status-title">Bookings by status</h2>
          {dashboard.isPending ? (
            // The same chart with empty bars, hidden from screen readers: nothing below moves later.
            <>
              <div className="visually-hidden">
                <Loading what="Loading bookings by status" />
              </div>
              <div aria-hidden="true">
                <BarChart title="Bookings by status" data={byStatus({})} />
              </div>
            </>
          ) : dashboard.isError ? (
            <p className="muted">Not available while the figures are not.</p>
          ) : (
            <BarChart title="Bookings by status" data={byStatus(d!.bookingsByStatus)} />
          )}
        </section>
        {branch ? (
          <TodayPanel branch={branch} />
        ) : (
          <section aria-labelledby="today-title" className="panel">
            <h2 id="today-title">Today, hour by hour</h2>
            <p className="muted">Choose a branch to see its day in its own time zone.</p>
          </section>
        )}
        <LowStockPanel branchId={branchId} branchName={(id) => branches.all.find((b) => b.id === id)?.name ?? '…'} />
      </div>
    </section>
  );
}

/** The bars of the by-status chart, every status in the workflow's order. */
function byStatus(counts: Partial<Record<string, number>>) {
  return Object.entries(BOOKING_STATUS_WORDS).map(([status, label]) => ({
    key: status,
    label,
    value: counts[status] ?? 0,
    tone: `bar-${status}`,
  }));
}

/**
 * The six figures. Without data (still loading) the same grid with dashes, hidden from screen
 * readers and without the low-stock link, so it takes exactly the room the figures will.
 */
function Figures({ d, currency, branchId }: { d?: Dashboard; currency: string; branchId: string }) {
  const show = (value: (d: Dashboard) => ReactNode) => (d ? value(d) : '–');
  return (
    <ul className="figures" aria-hidden={d ? undefined : true}>
      <Figure label="Bookings today" value={show((d) => formatNumber(d.bookingsToday))} />
      <Figure
        label="Revenue this month"
        value={show((d) => (
          <Money cents={d.revenueCentsThisMonth} currency={currency} />
        ))}
      />
      <Figure
        label="Low-stock parts"
        value={show((d) => countOrMissing(d.lowStockParts))}
        tone={d?.lowStockParts ? 'warn' : undefined}
        link={d && `/staff/parts?low=1${branchId ? `&branch=${branchId}` : ''}`}
      />
      <Figure label="Active technicians" value={show((d) => formatNumber(d.activeTechnicians))} />
      <Figure label="Customers" value={show((d) => countOrMissing(d.customers))} />
      <Figure label="Vehicles" value={show((d) => formatNumber(d.vehicles))} />
    </ul>
  );
}

/** What the console says when a figure's service is down (the API names it and sends null). */
const UNAVAILABLE_WORDS: Record<Dashboard['unavailable'][number], string> = {
  inventory: 'Stock is not available right now, so low-stock parts are not shown.',
  auth: 'Customer accounts are not available right now, so the customer count is not shown.',
};

/** A count, or a plain "not available" for one whose service did not answer. */
function countOrMissing(n: number | null) {
  return n === null ? <span className="muted">Not available</span> : formatNumber(n);
}

function Figure({ label, value, tone, link }: { label: string; value: ReactNode; tone?: string; link?: string }) {
  return (
    <li className={tone ? `figure figure-${tone}` : 'figure'}>
      <span className="figure-label">{link ? <Link to={link}>{label}</Link> : label}</span>
      <span className="figure-value">{value}</span>
    </li>
  );
}

/** Today's bookings of one branch, per hour of its own clock, and the list. */
function TodayPanel({ branch }: { branch: Branch }) {
  const today = todayIn(branch.timezone);
  const span = dayWindow(today, branch.timezone);
  const bookings = useAllBookings({ branchId: branch.id, ...span });
  const live = (bookings.data ?? []).filter((b) => b.status !== 'cancelled' && b.status !== 'no_show');
  const perHour = new Map<number, number>();
  for (const b of live) {
    const h = Math.floor(wallClock(b.startsAt, branch.timezone).minutes / 60);
    perHour.set(h, (perHour.get(h) ?? 0) + 1);
  }
  const hours = [...perHour.keys()];
  const first = Math.min(8, ...hours);
  const last = Math.max(17, ...hours);
  const data = [];
  for (let h = first; h <= last; h++) {
    const label = `${String(h).padStart(2, '0')}:00`;
    data.push({ key: label, label, value: perHour.get(h) ?? 0 });
  }
  return (
    <section aria-labelledby="today-title" className="panel">
      <h2 id="today-title">Today, hour by hour</h2>
      <p className="muted">
        {branch.name}, {zoneLabel(branch.timezone)} ·{' '}
        <Link to={`/staff/board?branch=${branch.id}&date=${today}`}>Open the day board</Link>
      </p>
      {bookings.isPending ? (
        <Loading what="Loading today's bookings" />
      ) : bookings.isError ? (
        <ErrorPanel error={bookings.error} what="Today's bookings" retry={() => void bookings.refetch()} />
      ) : live.length === 0 ? (
        <EmptyState title="No bookings today" />
      ) : (
        <>
          <ColumnChart title="Bookings starting each hour today" data={data} />
          <ul className="today-list">
            {live.slice(0, 8).map((b) => (
              <li key={b.id}>
                <Link to={`/staff/bookings/${b.id}`}>{formatTime(b.startsAt, branch.timezone)}</Link>{' '}
                {b.quote.lines.map((l) => l.name).join(', ')} <StatusBadge status={b.status} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** Parts at or below their reorder level (inventory on its own: it may fail alone). */
function LowStockPanel({ branchId, branchName }: { branchId: string; branchName: (id: string) => string }) {
  const low = useLowStock(branchId || undefined);
  const items = low.data?.items ?? [];
  return (
    <section aria-labelledby="low-title" className="panel panel-wide">
      <h2 id="low-title">Low stock</h2>
      {low.isPending ? (
        <Loading what="Loading low stock" />
      ) : low.isError ? (
        <ErrorPanel error={low.error} what="Stock levels" retry={() => void low.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title="Nothing is low on stock" />
      ) : (
        <>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Parts low on stock</caption>
              <thead>
                <tr>
                  <th scope="col">Part</th>
                  <th scope="col">Branch</th>
                  <th scope="col" className="num">
                    On hand
                  </th>
                  <th scope="col" className="num">
                    Available
                  </th>
                  <th scope="col" className="num">
                    Reorder at
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.slice(0, 10).map((p) => (
                  <tr key={`${p.id}-${p.branchId}`}>
                    <td>
                      <Link to={`/staff/parts/${p.id}`}>
                        {p.name} <span className="mono">({p.sku})</span>
                      </Link>
                    </td>
                    <td>{branchName(p.branchId)}</td>
                    <td className="num">{p.onHand}</td>
                    <td className="num">{p.available}</td>
                    <td className="num">{p.reorderLevel}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {(items.length > 10 || low.data?.more) && (
            <p>
              <Link to={`/staff/parts?low=1${branchId ? `&branch=${branchId}` : ''}`}>All low-stock parts</Link>
            </p>
          )}
        </>
      )}
    </section>
  );
}
