import { Link } from 'react-router';
import type { BookingListItem } from '../../api/types';
import { BranchTime } from '../../components/BranchTime';
import { Money } from '../../components/Money';
import { PartsBadge, StatusBadge } from '../../components/StatusBadge';

/** Bookings as a table (when, branch, services, status, parts, quote), each linking to its page. */
export function BookingTable({
  items,
  zoneOf,
  nameOf,
  caption,
}: {
  items: BookingListItem[];
  zoneOf: (branchId: string) => string;
  nameOf: (branchId: string) => string;
  caption: string;
}) {
  return (
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
  );
}
