import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession, type Me } from '../api/session';
import { ErrorPanel, Loading } from './States';

/**
 * Shows its children only to the right kind of account; anyone else goes to sign in, with the
 * page they were on (path and query) as `next` so they come straight back to it.
 */
export function RequireAccount({ kind, children }: { kind: 'customer' | 'staff'; children: (me: Me) => ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Loading what="Checking your session" />;
  if (session.isError) return <ErrorPanel error={session.error} retry={() => void session.refetch()} what="Sign-in" />;
  const me = session.data;
  const fits = me && (kind === 'customer' ? me.kind === 'customer' : me.kind === 'user');
  if (!fits) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`${kind === 'customer' ? '/sign-in' : '/staff/sign-in'}?next=${next}`} replace />;
  }
  return <>{children(me)}</>;
}

/** A pathless route around the customer's own pages. */
export function CustomerOnly() {
  return <RequireAccount kind="customer">{() => <Outlet />}</RequireAccount>;
}
