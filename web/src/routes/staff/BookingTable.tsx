import { Link } from 'react-router';
import type { useBookingList } from '../../api/staff/bookings';
import { itemsOf } from '../../api/staff/paging';
import { useBranches } from '../../api/catalog';
import { BranchTime } from '../../components/BranchTime';
import { Money } from '../../components/Money';
import { PartsBadge, StatusBadge } from '../../components/StatusBadge';
import { LoadMore } from './console';

/**
 * A page of bookings as a table (when in the branch's own time, branch, services, status, parts,
 * quote), each linking to its page, with "Load more" under it.
 */
export function BookingTable({ list, caption }: { list: ReturnType<typeof useBookingList>; caption: string }) {
  const branches = useBranches();
  const branchOf = (id: string) => branches.data?.items.find((b) => b.id === id);
  const zoneOf = (id: string) => branchOf(id)?.timezone ?? 'UTC';
  const nameOf = (id: string) => branchOf(id)?.name ?? '…';
  const items = itemsOf(list.data);
  return (
    <>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">When (branch time)</th>
              <th scope="col">Branch</th>
              <th scope="col">Services</th>
              <th scope="col">Status</th>
              <th scope="col">Parts</th>
              <th scope="col" className="num">
                Quote
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((b) => (
              <tr key={b.id}>
                <td>
                  <Link to={`/staff/bookings/${b.id}`}>
                    <BranchTime iso={b.startsAt} timeZone={zoneOf(b.branchId)} withDate />
                  </Link>
                </td>
                <td>{nameOf(b.branchId)}</td>
                <td>{b.quote.lines.map((l) => l.name).join(', ')}</td>
                <td>
                  <StatusBadge status={b.status} />
                </td>
                <td>
                  <PartsBadge status={b.partsStatus} />
                </td>
                <td className="num">
                  <Money cents={b.quote.totalCents} currency={b.quote.currency} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <LoadMore
        shown={items.length}
        hasMore={list.hasNextPage}
        loading={list.isFetchingNextPage}
        onMore={() => void list.fetchNextPage()}
        noun="booking"
      />
    </>
  );
}
