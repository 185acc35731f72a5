import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useCustomerSearch } from '../../api/staff/customers';
import { itemsOf } from '../../api/staff/paging';
import { Field } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import { EmptyState, ErrorPanel, Loading } from '../../components/States';
import { LoadMore } from './console';

/** Customers by name, email or phone (the search is in the URL). */
export function Component() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const list = useCustomerSearch(q);
  const items = itemsOf(list.data);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams(text.trim() ? { q: text.trim() } : {}, { replace: true });
  };
  return (
    <section>
      <PageTitle>Customers</PageTitle>
      <form role="search" aria-label="Customers" className="filters" onSubmit={submit}>
        <Field
          label="Search customers"
          type="search"
          name="q"
          value={text}
          onChange={(e) => setText(e.target.value)}
          hint="Name, email or phone"
        />
        <button type="submit">Search</button>
      </form>
      {list.isPending ? (
        <Loading what="Searching customers" />
      ) : list.isError ? (
        <ErrorPanel error={list.error} what="Customers" retry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={q ? `No customer matches “${q}”` : 'No customers yet'} />
      ) : (
        <>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Customers{q ? ` matching ${q}` : ''}</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Phone</th>
                  <th scope="col">Account</th>
                  <th scope="col" className="num">
                    Cars
                  </th>
                  <th scope="col" className="num">
                    Bookings
                  </th>
                </tr>
              </thead>
              <tbody>
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
              </tbody>
            </table>
          </div>
          <LoadMore
            shown={items.length}
            hasMore={list.hasNextPage}
            loading={list.isFetchingNextPage}
            onMore={() => void list.fetchNextPage()}
            noun="customer"
          />
        </>
      )}
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
