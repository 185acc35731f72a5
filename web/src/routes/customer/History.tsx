import { Link } from 'react-router';
import { useMyServiceRecords } from '../../api/bookings';
import { useBranches } from '../../api/catalog';
import type { Branch, ServiceRecord, Vehicle } from '../../api/types';
import { useMyVehicles, vehicleName } from '../../api/vehicles';
import { Money } from '../../components/Money';
import { PageTitle } from '../../components/PageTitle';
import { EmptyState, ErrorPanel, Loading } from '../../components/States';
import { formatDate, formatMileage } from '../../lib/format';

/** The work done on each of my cars, newest first. */
export function Component() {
  const records = useMyServiceRecords();
  const vehicles = useMyVehicles();
  const branches = useBranches();
  return (
    <section>
      <PageTitle>Service history</PageTitle>
      {records.isPending || vehicles.isPending ? (
        <Loading what="Loading your service history" />
      ) : records.isError ? (
        <ErrorPanel error={records.error} retry={() => void records.refetch()} what="Your service history" />
      ) : vehicles.isError ? (
        <ErrorPanel error={vehicles.error} retry={() => void vehicles.refetch()} what="Your cars" />
      ) : !vehicles.data.items.length ? (
        <EmptyState title="No cars yet.">
          <p>
            <Link to="/vehicles?add=1">Add your car</Link> and its services will show here.
          </p>
        </EmptyState>
      ) : (
        vehicles.data.items.map((v) => (
          <VehicleHistory
            key={v.id}
            vehicle={v}
            records={records.data.items.filter((r) => r.vehicleId === v.id)}
            branches={branches.data?.items ?? []}
          />
        ))
      )}
    </section>
  );
}

function VehicleHistory({
  vehicle,
  records,
  branches,
}: {
  vehicle: Vehicle;
  records: ServiceRecord[];
  branches: Branch[];
}) {
  const headingId = `history-${vehicle.id}`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{vehicleName(vehicle)}</h2>
      {!records.length ? (
        <p className="muted">No services recorded for this car yet.</p>
      ) : (
        <ol className="timeline">
          {[...records]
            .sort((a, b) => b.completedAt.localeCompare(a.completedAt))
            .map((r) => {
              const branch = branches.find((b) => b.id === r.branchId);
              const currency = branch?.currency ?? 'USD';
              return (
                <li key={r.id} className="card">
                  <h3>{r.services.map((s) => s.name).join(', ')}</h3>
                  <dl className="facts">
                    <div>
                      <dt>Done on</dt>
                      <dd>
                        <time dateTime={r.completedAt}>{formatDate(r.completedAt, branch?.timezone ?? 'UTC')}</time>
                      </dd>
                    </div>
                    <div>
                      <dt>Where</dt>
                      <dd>{branch?.name ?? 'Branch'}</dd>
                    </div>
                    <div>
                      <dt>Mileage</dt>
                      <dd>{formatMileage(r.mileage)}</dd>
                    </div>
                    <div>
                      <dt>Labour</dt>
                      <dd>
                        <Money cents={r.laborCents} currency={currency} />
                      </dd>
                    </div>
                    <div>
                      <dt>Parts</dt>
                      <dd>
                        <Money cents={r.partsCents} currency={currency} />
                        {r.parts.length > 0 && (
                          <span className="muted">
                            {' '}
                            ({r.parts.map((p) => `${p.quantity} × ${p.partSku}`).join(', ')})
                          </span>
                        )}
                      </dd>
                    </div>
                    <div>
                      <dt>Tax</dt>
                      <dd>
                        <Money cents={r.taxCents} currency={currency} />
                      </dd>
                    </div>
                    <div>
                      <dt>Total</dt>
                      <dd>
                        <strong>
                          <Money cents={r.totalCents} currency={currency} />
                        </strong>
                      </dd>
                    </div>
                  </dl>
                </li>
              );
            })}
        </ol>
      )}
    </section>
  );
}
