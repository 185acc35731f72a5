import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useBranches } from '../../api/catalog';
import { useBookingList, useServiceRecords } from '../../api/staff/bookings';
import { useCustomer, useSetCustomerStatus } from '../../api/staff/customers';
import { itemsOf } from '../../api/staff/paging';
import { useVehicleSearch } from '../../api/staff/vehicles';
import type { Vehicle } from '../../api/types';
import { BranchTime } from '../../components/BranchTime';
import { DataTable } from '../../components/DataTable';
import { Money } from '../../components/Money';
import { LoadMore } from '../../components/PagedTable';
import { PageTitle } from '../../components/PageTitle';
import { EmptyState, FormError, QueryStates } from '../../components/States';
import { formatMileage, formatNumber } from '../../lib/format';
import { BookingTable } from './BookingTable';
import { Done, useMyBranches } from './console';
import { AccountBadge } from './Customers';

/** A customer: contact, account status (suspend / activate), cars and the work done on them. */
export function Component() {
  const { id } = useParams();
  const customer = useCustomer(id);
  const setStatus = useSetCustomerStatus(id ?? '');
  const [done, setDone] = useState<string>();
  const [asking, setAsking] = useState(false);
  const vehicles = useVehicleSearch({ customerId: id }, Boolean(id));
  const cars = itemsOf(vehicles.data);
  const c = customer.data;
  const change = (status: 'active' | 'suspended') =>
    setStatus.mutate(status, {
      onSettled: () => setAsking(false),
      onSuccess: () => setDone(status === 'suspended' ? 'The account is suspended.' : 'The account is active.'),
    });
  return (
    <section>
      <p className="crumbs">
        <Link to="/staff/customers">Customers</Link>
      </p>
      <PageTitle>{c ? `${c.firstName} ${c.lastName}` : 'Customer'}</PageTitle>
      <QueryStates query={customer} loading="Loading the customer" what="The customer">
        {(c) => (
          <>
            <dl className="facts">
              <div>
                <dt>Email</dt>
                <dd>
                  <a href={`mailto:${c.email}`}>{c.email}</a>
                </dd>
              </div>
              <div>
                <dt>Phone</dt>
                <dd>{c.phone ?? 'None given'}</dd>
              </div>
              <div>
                <dt>Account</dt>
                <dd>
                  <AccountBadge status={c.status} />
                </dd>
              </div>
              <div>
                <dt>Bookings</dt>
                <dd>{c.bookings}</dd>
              </div>
            </dl>
            {done && <Done>{done}</Done>}
            <FormError error={setStatus.error} />
            <div className="actions">
              {c.status === 'active' && asking ? (
                <div className="confirm" role="group" aria-label="Suspend account">
                  <p>
                    Suspend this account? The customer is signed out and cannot sign in until it is activated again.
                  </p>
                  <div className="actions">
                    <button
                      type="button"
                      className="danger"
                      autoFocus
                      onClick={() => change('suspended')}
                      disabled={setStatus.isPending}
                    >
                      Yes, suspend account
                    </button>
                    <button type="button" className="secondary" onClick={() => setAsking(false)}>
                      No, keep it active
                    </button>
                  </div>
                </div>
              ) : c.status === 'active' ? (
                <button type="button" className="danger" onClick={() => setAsking(true)}>
                  Suspend account
                </button>
              ) : (
                <button type="button" onClick={() => change('active')} disabled={setStatus.isPending}>
                  Activate account
                </button>
              )}
            </div>
          </>
        )}
      </QueryStates>
      {id && <CustomerBookings customerId={id} />}
      <h2>Cars</h2>
      <QueryStates
        query={vehicles}
        loading="Loading cars"
        what="Cars"
        empty={!cars.length && <EmptyState title="No cars on this account" />}
      >
        {cars.map((v) => (
          <CarHistory key={v.id} vehicle={v} />
        ))}
      </QueryStates>
    </section>
  );
}

/** The customer's bookings by start time (staff: at their own branches), paged. */
function CustomerBookings({ customerId }: { customerId: string }) {
  const list = useBookingList({ customerId });
  const branches = useMyBranches();
  const items = itemsOf(list.data);
  return (
    <>
      <h2>Bookings</h2>
      <QueryStates
        query={list}
        loading="Loading bookings"
        what="Bookings"
        empty={!items.length && <p>No bookings{branches.user.isAdmin ? '' : ' at your branches'}.</p>}
      >
        <BookingTable list={list} caption="The customer's bookings by start time" />
      </QueryStates>
    </>
  );
}

function CarHistory({ vehicle }: { vehicle: Vehicle }) {
  const records = useServiceRecords(vehicle.id);
  const branches = useBranches();
  const items = itemsOf(records.data);
  const branchOf = (id: string) => branches.data?.items.find((b) => b.id === id);
  const zoneOf = (id: string) => branchOf(id)?.timezone ?? 'UTC';
  const title = `${vehicle.plate} · ${vehicle.make} ${vehicle.model} (${vehicle.year})`;
  return (
    <section className="panel" aria-label={title}>
      <h3>
        <span className="plate">{vehicle.plate}</span> · {vehicle.make} {vehicle.model} ({vehicle.year})
      </h3>
      <p className="muted">
        VIN <span className="mono">{vehicle.vin}</span> · {formatMileage(vehicle.mileage)} on record
      </p>
      <QueryStates
        query={records}
        loading="Loading the service history"
        what="The service history"
        empty={!items.length && <p>No work done yet.</p>}
      >
        <DataTable
          caption={`Work done on ${vehicle.plate}`}
          columns={['Completed', 'Services', { label: 'Mileage', num: true }, { label: 'Total', num: true }]}
        >
          {items.map((r) => (
            <tr key={r.id}>
              <td>
                <Link to={`/staff/bookings/${r.bookingId}`}>
                  <BranchTime iso={r.completedAt} timeZone={zoneOf(r.branchId)} withDate />
                </Link>
              </td>
              <td>{r.services.map((s) => s.name).join(', ')}</td>
              <td className="num">{r.mileage === null ? '—' : formatNumber(r.mileage)}</td>
              <td className="num">
                <Money cents={r.totalCents} currency={branchOf(r.branchId)?.currency ?? 'USD'} />
              </td>
            </tr>
          ))}
        </DataTable>
        {records.hasNextPage && <LoadMore list={records} noun="record" />}
      </QueryStates>
    </section>
  );
}
