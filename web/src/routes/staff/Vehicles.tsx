import { useState } from 'react';
import { Link } from 'react-router';
import { itemsOf } from '../../api/staff/paging';
import { useDecideClaim, useVehicleClaims, useVehicleSearch } from '../../api/staff/vehicles';
import type { VehicleClaim } from '../../api/types';
import { FilterBar, SearchInput, useUrlFilters } from '../../components/Filters';
import { PagedTable } from '../../components/PagedTable';
import { PageTitle } from '../../components/PageTitle';
import { EmptyState, FormError, QueryStates } from '../../components/States';
import { VehicleBadge } from '../../components/StatusBadge';
import { formatDate, formatMileage } from '../../lib/format';
import { Done } from './console';

/** Vehicles by number plate or VIN (the start of either). */
export function Component() {
  const filters = useUrlFilters();
  const q = filters.get('q');
  const [text, setText] = useState(q);
  const list = useVehicleSearch({ q });
  const items = itemsOf(list.data);
  return (
    <section>
      <PageTitle>Vehicles</PageTitle>
      <VehicleClaims />
      <FilterBar label="Vehicles" onSubmit={() => filters.set({ q: text.trim().toUpperCase() })}>
        <SearchInput
          label="Plate or VIN"
          name="q"
          value={text}
          onChange={setText}
          hint="The start of the number plate or the VIN"
        />
      </FilterBar>
      <QueryStates
        query={list}
        loading="Searching vehicles"
        what="Vehicles"
        empty={!items.length && <EmptyState title={q ? `No vehicle matches “${q}”` : 'No vehicles yet'} />}
      >
        <PagedTable
          list={list}
          noun="vehicle"
          caption="Vehicles"
          columns={['Plate', 'Car', 'VIN', { label: 'Mileage', num: true }, 'Owner']}
        >
          {items.map((v) => (
            <tr key={v.id}>
              <td className="plate">{v.plate}</td>
              <td>
                {v.make} {v.model} ({v.year}) <VehicleBadge status={v.status} />
              </td>
              <td className="mono">{v.vin}</td>
              <td className="num">{formatMileage(v.mileage)}</td>
              <td>
                <Link to={`/staff/customers/${v.customerId}`} aria-label={`Owner of ${v.plate}`}>
                  Customer
                </Link>
              </td>
            </tr>
          ))}
        </PagedTable>
      </QueryStates>
    </section>
  );
}

/**
 * VIN claims waiting for a decision: a customer added a car whose VIN is registered to someone else.
 * Approving moves the registered car (with its bookings and history) to the claimant; rejecting
 * leaves it where it is. Shown only while there are some.
 */
function VehicleClaims() {
  const claims = useVehicleClaims();
  const decide = useDecideClaim();
  const [done, setDone] = useState<string | null>(null);
  const items = itemsOf(claims.data);
  if (!items.length && !done) return null;
  const settle = (c: VehicleClaim, decision: 'approve' | 'reject') => {
    setDone(null);
    decide.mutate(
      { id: c.claim.id, decision },
      {
        onSuccess: () =>
          setDone(
            decision === 'approve'
              ? `${c.claim.vin} now belongs to the claimant, with its history.`
              : `The claim on ${c.claim.vin} is rejected.`,
          ),
      },
    );
  };
  return (
    <section aria-labelledby="claims-title" className="claims">
      <h2 id="claims-title">VIN claims to check</h2>
      {done && <Done>{done}</Done>}
      <FormError error={decide.error} />
      <PagedTable
        list={claims}
        noun="claim"
        caption="VIN claims to check"
        columns={['VIN', 'Claimed by', 'Registered to', 'Claimed on', 'Decision']}
      >
        {items.map((c) => (
          <tr key={c.claim.id}>
            <td className="mono">{c.claim.vin}</td>
            <td>
              <Link to={`/staff/customers/${c.claim.customerId}`}>Claimant</Link>: {c.claim.make} {c.claim.model} (
              {c.claim.plate})
            </td>
            <td>
              {c.registered ? (
                <>
                  <Link to={`/staff/customers/${c.registered.customerId}`}>Owner</Link>: {c.registered.make}{' '}
                  {c.registered.model} ({c.registered.plate})
                </>
              ) : (
                'Nobody'
              )}
            </td>
            <td>{formatDate(c.claim.createdAt, 'UTC')}</td>
            <td>
              <button
                type="button"
                disabled={decide.isPending}
                onClick={() => settle(c, 'approve')}
                aria-label={`Give ${c.claim.vin} to the claimant`}
              >
                Approve
              </button>{' '}
              <button
                type="button"
                className="secondary"
                disabled={decide.isPending}
                onClick={() => settle(c, 'reject')}
                aria-label={`Reject the claim on ${c.claim.vin}`}
              >
                Reject
              </button>
            </td>
          </tr>
        ))}
      </PagedTable>
    </section>
  );
}
