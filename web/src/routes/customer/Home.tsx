import { Link } from 'react-router';
import { useBranches } from '../../api/catalog';
import { useSession } from '../../api/session';
import { OpeningHours } from '../../components/OpeningHours';
import { PageTitle } from '../../components/PageTitle';
import { EmptyState, ErrorPanel, Loading } from '../../components/States';
import { zoneLabel } from '../../lib/format';

export function Component() {
  const branches = useBranches();
  const session = useSession();
  const customer = session.data?.kind === 'customer' ? session.data.customer : undefined;
  return (
    <section>
      <PageTitle>{customer ? `Hello, ${customer.firstName}` : 'Car servicing, booked in minutes'}</PageTitle>
      <p className="lead">
        See the price first, pick a free time at a branch near you, and follow your car&rsquo;s service.
      </p>
      <ul className="actions plain">
        <li>
          <Link to="/book" className="button-link">
            Book a service
          </Link>
        </li>
        <li>
          <Link to="/prices" className="button-link secondary">
            See prices
          </Link>
        </li>
        {customer ? (
          <li>
            <Link to="/bookings" className="button-link secondary">
              My bookings
            </Link>
          </li>
        ) : (
          <li>
            <Link to="/register" className="button-link secondary">
              Create an account
            </Link>
          </li>
        )}
      </ul>
      <h2>Our branches</h2>
      {branches.isPending ? (
        <Loading what="Loading branches" />
      ) : branches.isError ? (
        <ErrorPanel error={branches.error} retry={() => void branches.refetch()} what="The branch list" />
      ) : !branches.data.items.length ? (
        <EmptyState title="No branches are open yet." />
      ) : (
        <ul className="cards">
          {branches.data.items.map((b) => (
            <li key={b.id} className="card">
              <h3>{b.name}</h3>
              <p>{b.address}</p>
              <OpeningHours hours={b.openingHours} zone={`Hours in ${zoneLabel(b.timezone)}`} />
              <p>
                <Link to={`/book?branch=${b.id}&step=car`}>Book at {b.name}</Link>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
