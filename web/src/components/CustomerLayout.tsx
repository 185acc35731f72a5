import { NavLink, Outlet } from 'react-router';
import { useSession } from '../api/session';

/** The customer portal's frame: a short header that fits a phone, and the page. */
export function CustomerLayout() {
  const session = useSession();
  const customer = session.data?.kind === 'customer' ? session.data.customer : undefined;
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <NavLink to="/" className="brand" end>
          Garage
        </NavLink>
        <nav aria-label="Main">
          <ul>
            <li>
              <NavLink to="/book">Book</NavLink>
            </li>
            <li>
              <NavLink to="/prices">Prices</NavLink>
            </li>
            {customer ? (
              <>
                <li>
                  <NavLink to="/bookings">My bookings</NavLink>
                </li>
                <li>
                  <NavLink to="/vehicles">My cars</NavLink>
                </li>
                <li>
                  <NavLink to="/history">History</NavLink>
                </li>
                <li>
                  <NavLink to="/account">Account</NavLink>
                </li>
              </>
            ) : (
              <li>
                <NavLink to="/sign-in">Sign in</NavLink>
              </li>
            )}
          </ul>
        </nav>
      </header>
      <main id="main" className="page">
        <Outlet />
      </main>
    </>
  );
}
