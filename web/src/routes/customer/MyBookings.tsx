import { Link } from 'react-router';
import { useMyBookings } from '../../api/bookings';
import { useBranches } from '../../api/catalog';
import type { Booking, Branch, Vehicle } from '../../api/types';
import { useMyVehicles, vehicleName } from '../../api/vehicles';
import { BranchTime } from '../../components/BranchTime';
import { Money } from '../../components/Money';
import { PageTitle } from '../../components/PageTitle';
import { EmptyState, QueryStates } from '../../components/States';
import { PartsBadge, StatusBadge } from '../../components/StatusBadge';

const FINISHED = new Set(['completed', 'cancelled', 'no_show']);

export function Component() {
  const bookings = useMyBookings();
  const branches = useBranches();
  const vehicles = useMyVehicles();
  return (
    <section>
      <PageTitle>My bookings</PageTitle>
      <p>
        <Link to="/book" className="button-link">
          Book a service
        </Link>
      </p>
      <QueryStates
        query={bookings}
        loading="Loading your bookings"
        what="Your bookings"
        empty={(data) =>
          !data.items.length && (
            <EmptyState title="You have no bookings yet.">
              <p>
                <Link to="/book">Book your first service</Link>: it takes a couple of minutes.
              </p>
            </EmptyState>
          )
        }
      >
        {(data) => (
          <BookingLists
            items={data.items}
            branches={branches.data?.items ?? []}
            vehicles={vehicles.data?.items ?? []}
          />
        )}
      </QueryStates>
    </section>
  );
}

function BookingLists({ items, branches, vehicles }: { items: Booking[]; branches: Branch[]; vehicles: Vehicle[] }) {
  const upcoming = items.filter((b) => !FINISHED.has(b.status)).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const past = items.filter((b) => FINISHED.has(b.status));
  const list = (title: string, rows: Booking[]) =>
    rows.length > 0 && (
      <>
        <h2>{title}</h2>
        <ul className="cards">
          {rows.map((b) => (
            <BookingCard
              key={b.id}
              booking={b}
              branch={branches.find((x) => x.id === b.branchId)}
              vehicle={vehicles.find((v) => v.id === b.vehicleId)}
            />
          ))}
        </ul>
      </>
    );
  return (
    <>
      {list('Coming up', upcoming)}
      {list('Earlier', past)}
    </>
  );
}

function BookingCard({ booking: b, branch, vehicle }: { booking: Booking; branch?: Branch; vehicle?: Vehicle }) {
  const services = b.quote.lines.map((l) => l.name).join(', ');
  return (
    <li className="card">
      <h3>
        <Link to={`/bookings/${b.id}`}>{services}</Link>
      </h3>
      <p>
        <StatusBadge status={b.status} /> <PartsBadge status={b.partsStatus} />
      </p>
      <p>
        {branch ? (
          <BranchTime iso={b.startsAt} timeZone={branch.timezone} withDate labelled />
        ) : (
          <BranchTime iso={b.startsAt} timeZone="UTC" withDate labelled />
        )}
      </p>
      <p className="muted">
        {branch?.name ?? 'Branch'} · {vehicle ? vehicleName(vehicle) : 'your car'} ·{' '}
        <Money cents={b.quote.totalCents} currency={b.quote.currency} />
      </p>
    </li>
  );
}
