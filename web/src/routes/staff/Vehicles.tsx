import { useState } from 'react';
import { Link } from 'react-router';
import { itemsOf } from '../../api/staff/paging';
import { useVehicleSearch } from '../../api/staff/vehicles';
import { FilterBar, SearchInput, useUrlFilters } from '../../components/Filters';
import { PagedTable } from '../../components/PagedTable';
import { PageTitle } from '../../components/PageTitle';
import { EmptyState, QueryStates } from '../../components/States';
import { formatMileage } from '../../lib/format';

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
                {v.make} {v.model} ({v.year})
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
