import { useState } from 'react';
import { Link } from 'react-router';
import { useCustomerSearch } from '../../api/staff/customers';
import { itemsOf } from '../../api/staff/paging';
import { FilterBar, SearchInput, useUrlFilters } from '../../components/Filters';
import { PagedTable } from '../../components/PagedTable';
import { PageTitle } from '../../components/PageTitle';
import { EmptyState, QueryStates } from '../../components/States';

/** Customers by name, email or phone (the search is in the URL). */
export function Component() {
  const filters = useUrlFilters();
  const q = filters.get('q');
  const [text, setText] = useState(q);
  const list = useCustomerSearch(q);
  const items = itemsOf(list.data);
  return (
    <section>
      <PageTitle>Customers</PageTitle>
      <FilterBar label="Customers" onSubmit={() => filters.set({ q: text.trim() })}>
        <SearchInput label="Search customers" name="q" value={text} onChange={setText} hint="Name, email or phone" />
      </FilterBar>
      <QueryStates
        query={list}
        loading="Searching customers"
        what="Customers"
        empty={!items.length && <EmptyState title={q ? `No customer matches “${q}”` : 'No customers yet'} />}
      >
        <PagedTable
          list={list}
          noun="customer"
          caption={`Customers${q ? ` matching ${q}` : ''}`}
          columns={[
            'Name',
            'Email',
            'Phone',
            'Account',
            { label: 'Cars', num: true },
            { label: 'Bookings', num: true },
          ]}
        >
          {items.map((c) => (
            <tr key={c.id}>
              <td>
                <Link to={`/staff/customers/${c.id}`}>
                  {c.firstName} {c.lastName}
                </Link>
              </td>
              <td>{c.email}</td>
              <td>{c.phone ?? '—'}</td>
              <td>
                <AccountBadge status={c.status} />
              </td>
              <td className="num">{c.vehicles}</td>
              <td className="num">{c.bookings}</td>
            </tr>
          ))}
        </PagedTable>
      </QueryStates>
    </section>
  );
}

export function AccountBadge({ status }: { status: string }) {
  const words: Record<string, string> = { active: 'Active', suspended: 'Suspended', pending: 'Pending' };
  return (
    <span className={status === 'active' ? 'badge badge-completed' : 'badge badge-inactive'}>
      {words[status] ?? status}
    </span>
  );
}
