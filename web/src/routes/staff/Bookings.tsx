import { itemsOf } from '../../api/staff/paging';
import { useBookingList } from '../../api/staff/bookings';
import type { BookingStatus } from '../../api/types';
import { Field, SelectField } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import { FilterBar, useUrlFilters } from '../../components/Filters';
import { EmptyState, QueryStates } from '../../components/States';
import { dayWindow } from '../../lib/day-board';
import { BOOKING_STATUS_WORDS } from '../../lib/words';
import { BookingTable } from './BookingTable';
import { BranchSelect, useMyBranches } from './console';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Bookings by start time with filters in the URL (branch, status, dates), paged. */
export function Component() {
  const filters = useUrlFilters();
  const branches = useMyBranches();
  const branchId = filters.get('branch');
  const status = filters.get('status') as BookingStatus | '';
  const from = DATE.test(filters.get('from')) ? filters.get('from') : '';
  const to = DATE.test(filters.get('to')) ? filters.get('to') : '';
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
  const badRange = from && to && to < from;
  return (
    <section>
      <PageTitle>Bookings</PageTitle>
      <FilterBar label="Filter bookings">
        <BranchSelect
          branches={branches.mine}
          value={branchId}
          onChange={(id) => filters.set({ branch: id })}
          allLabel={branches.user.isAdmin ? 'Whole chain' : 'All my branches'}
        />
        <SelectField label="Status" value={status} onChange={(e) => filters.set({ status: e.target.value })}>
          <option value="">Any status</option>
          {Object.entries(BOOKING_STATUS_WORDS).map(([value, words]) => (
            <option key={value} value={value}>
              {words}
            </option>
          ))}
        </SelectField>
        <Field label="From" type="date" value={from} onChange={(e) => filters.set({ from: e.target.value })} />
        <Field
          label="To"
          type="date"
          value={to}
          onChange={(e) => filters.set({ to: e.target.value })}
          error={badRange ? 'The end date is before the start date' : undefined}
        />
      </FilterBar>
      <p className="muted">
        Dates are whole days in {branch ? `${branch.name}'s own time zone` : 'UTC (choose a branch for its time zone)'}.
      </p>
      <QueryStates
        query={list}
        loading="Loading bookings"
        what="Bookings"
        empty={
          !items.length && (
            <EmptyState title="No bookings match">
              <p>Try another status, branch or date range.</p>
            </EmptyState>
          )
        }
      >
        <BookingTable list={list} caption="Bookings by start time" />
      </QueryStates>
    </section>
  );
}
