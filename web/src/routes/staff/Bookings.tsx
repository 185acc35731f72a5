import { useSearchParams } from 'react-router';
import { itemsOf } from '../../api/staff/paging';
import { useBookingList } from '../../api/staff/bookings';
import type { BookingStatus } from '../../api/types';
import { Field, SelectField } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import { EmptyState, ErrorPanel, Loading } from '../../components/States';
import { dayWindow } from '../../lib/day-board';
import { BOOKING_STATUS_WORDS } from '../../lib/words';
import { BookingTable } from './BookingTable';
import { BranchSelect, useMyBranches } from './console';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Bookings by start time with filters in the URL (branch, status, dates), paged. */
export function Component() {
  const [params, setParams] = useSearchParams();
  const branches = useMyBranches();
  const branchId = params.get('branch') ?? '';
  const status = (params.get('status') ?? '') as BookingStatus | '';
  const from = DATE.test(params.get('from') ?? '') ? params.get('from')! : '';
  const to = DATE.test(params.get('to') ?? '') ? params.get('to')! : '';
  const branch = branches.all.find((b) => b.id === branchId);
  // Dates are whole days in the chosen branch's zone (UTC across branches).
  const zone = branch?.timezone ?? 'UTC';
  const filter = {
    ...(branchId ? { branchId } : {}),
    ...(status ? { status } : {}),
    ...(from ? { from: dayWindow(from, zone).from } : {}),
    ...(to ? { to: dayWindow(to, zone).to } : {}),
  };
  const list = useBookingList(filter);
  const items = itemsOf(list.data);
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const badRange = from && to && to < from;
  return (
    <section>
      <PageTitle>Bookings</PageTitle>
      <form className="filters" role="search" aria-label="Filter bookings" onSubmit={(e) => e.preventDefault()}>
        <BranchSelect
          branches={branches.mine}
          value={branchId}
          onChange={(id) => set('branch', id)}
          allLabel={branches.user.isAdmin ? 'Whole chain' : 'All my branches'}
        />
        <SelectField label="Status" value={status} onChange={(e) => set('status', e.target.value)}>
          <option value="">Any status</option>
          {Object.entries(BOOKING_STATUS_WORDS).map(([value, words]) => (
            <option key={value} value={value}>
              {words}
            </option>
          ))}
        </SelectField>
        <Field label="From" type="date" value={from} onChange={(e) => set('from', e.target.value)} />
        <Field
          label="To"
          type="date"
          value={to}
          onChange={(e) => set('to', e.target.value)}
          error={badRange ? 'The end date is before the start date' : undefined}
        />
      </form>
      <p className="muted">
        Dates are whole days in {branch ? `${branch.name}'s own time zone` : 'UTC (choose a branch for its time zone)'}.
      </p>
      {list.isPending ? (
        <Loading what="Loading bookings" />
      ) : list.isError ? (
        <ErrorPanel error={list.error} what="Bookings" retry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title="No bookings match">
          <p>Try another status, branch or date range.</p>
        </EmptyState>
      ) : (
        <BookingTable list={list} caption="Bookings by start time" />
      )}
    </section>
  );
}
