import { Link } from 'react-router';
import type { useBookingList } from '../../api/staff/bookings';
import { itemsOf } from '../../api/staff/paging';
import { useBranches } from '../../api/catalog';
import { BranchTime } from '../../components/BranchTime';
import { Money } from '../../components/Money';
import { PagedTable } from '../../components/PagedTable';
import { PartsBadge, StatusBadge } from '../../components/StatusBadge';

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
    <PagedTable
      list={list}
      noun="booking"
      caption={caption}
      columns={['When (branch time)', 'Branch', 'Services', 'Status', 'Parts', { label: 'Quote', num: true }]}
    >
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
    </PagedTable>
  );
}
