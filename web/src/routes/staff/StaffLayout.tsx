import { useMutation } from '@tanstack/react-query';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { useEndSession } from '../../api/session';
import { RequireAccount } from '../../components/RequireAccount';
import '../../staff.css';

const LINKS: { to: string; label: string; adminOnly?: boolean }[] = [
  { to: '/staff', label: 'Dashboard' },
  { to: '/staff/board', label: 'Day board' },
  { to: '/staff/bookings', label: 'Bookings' },
  { to: '/staff/customers', label: 'Customers' },
  { to: '/staff/vehicles', label: 'Vehicles' },
  { to: '/staff/technicians', label: 'Technicians' },
  { to: '/staff/parts', label: 'Parts' },
  { to: '/staff/catalog', label: 'Service catalog' },
  { to: '/staff/branches', label: 'Branches' },
  { to: '/staff/users', label: 'Users', adminOnly: true },
  { to: '/staff/audit', label: 'Audit log', adminOnly: true },
  { to: '/staff/health', label: 'System health', adminOnly: true },
  { to: '/staff/dead-letters', label: 'Dead letters', adminOnly: true },
];

/** The staff console's frame: navigation down the side, the page beside it. Staff and admins only. */
export function Component() {
  const endSession = useEndSession();
  const navigate = useNavigate();
  const signOut = useMutation({
    mutationFn: () => unwrap(api.POST('/api/logout')),
    onSettled: () => {
      endSession();
      void navigate('/staff/sign-in');
    },
  });
  return (
    <RequireAccount kind="staff">
      {(me) => {
        const user = me.kind === 'user' ? me.user : undefined;
        const admin = user?.role === 'admin';
        return (
          <div className="console">
            <a className="skip-link" href="#main">
              Skip to content
            </a>
            <header className="console-header">
              <NavLink to="/staff" className="brand" end>
                Garage · Service desk
              </NavLink>
              <span className="who">
                {user?.username} ({user?.role})
              </span>
              <button type="button" className="secondary" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
                Sign out
              </button>
            </header>
            <nav aria-label="Console" className="console-nav">
              <ul>
                {LINKS.filter((l) => admin || !l.adminOnly).map((link) => (
                  <li key={link.to}>
                    <NavLink to={link.to} end={link.to === '/staff'}>
                      {link.label}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
            <main id="main" className="console-main">
              <Outlet context={me} />
            </main>
          </div>
        );
      }}
    </RequireAccount>
  );
}
