import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { itemsOf } from '../../api/staff/paging';
import { useVehicleSearch } from '../../api/staff/vehicles';
import { Field } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import { EmptyState, ErrorPanel, Loading } from '../../components/States';
import { formatMileage } from '../../lib/format';
import { LoadMore } from './console';

/** Vehicles by number plate or VIN (the start of either). */
export function Component() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const list = useVehicleSearch({ q });
  const items = itemsOf(list.data);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams(text.trim() ? { q: text.trim().toUpperCase() } : {}, { replace: true });
  };
  return (
    <section>
      <PageTitle>Vehicles</PageTitle>
      <form role="search" aria-label="Vehicles" className="filters" onSubmit={submit}>
        <Field
          label="Plate or VIN"
          type="search"
          name="q"
          value={text}
          onChange={(e) => setText(e.target.value)}
          hint="The start of the number plate or the VIN"
        />
        <button type="submit">Search</button>
      </form>
      {list.isPending ? (
        <Loading what="Searching vehicles" />
      ) : list.isError ? (
        <ErrorPanel error={list.error} what="Vehicles" retry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={q ? `No vehicle matches “${q}”` : 'No vehicles yet'} />
      ) : (
        <>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Vehicles</caption>
              <thead>
                <tr>
                  <th scope="col">Plate</th>
                  <th scope="col">Car</th>
                  <th scope="col">VIN</th>
                  <th scope="col" className="num">
                    Mileage
                  </th>
                  <th scope="col">Owner</th>
                </tr>
              </thead>
              <tbody>
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
              </tbody>
            </table>
          </div>
          <LoadMore
            shown={items.length}
            hasMore={list.hasNextPage}
            loading={list.isFetchingNextPage}
            onMore={() => void list.fetchNextPage()}
            noun="vehicle"
          />
        </>
      )}
    </section>
  );
}
