import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../api/client';
import { ApiError, unwrap } from '../api/errors';
import { SESSION_KEY, safeNext, type Me } from '../api/session';
import { Field } from '../components/Field';
import { FormError } from '../components/States';
import { PageTitle } from '../components/PageTitle';

/**
 * Sign-in for customers (email) and staff (username). The gateway answers with the HttpOnly
 * session cookie; the token in the body is never kept. Afterwards the user goes back to `?next=`.
 */
export function SignInForm({ kind }: { kind: 'customer' | 'staff' }) {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useMutation({
    meta: { expectsUnauthorized: true },
    mutationFn: async (): Promise<Me> => {
      if (kind === 'customer') {
        const body = await unwrap(api.POST('/api/customer-login', { body: { email: login, password } }));
        return { kind: 'customer', customer: body.customer };
      }
      const body = await unwrap(api.POST('/api/login', { body: { username: login, password } }));
      return { kind: 'user', user: body.user };
    },
    onSuccess: (me) => {
      // Nothing cached for an earlier account may show to this one.
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      client.setQueryData(SESSION_KEY, me);
      void navigate(safeNext(params.get('next'), kind === 'customer' ? '/bookings' : '/staff'), { replace: true });
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate();
  };
  const expired = params.has('next');
  const error = signIn.error instanceof ApiError ? signIn.error : undefined;
  return (
    <section className="narrow">
      <PageTitle>{kind === 'customer' ? 'Sign in' : 'Staff sign-in'}</PageTitle>
      {expired && !signIn.error && <p className="notice">Please sign in to continue where you were.</p>}
      <form onSubmit={onSubmit} noValidate>
        <FormError error={error} />
        <Field
          label={kind === 'customer' ? 'Email' : 'Username'}
          name={kind === 'customer' ? 'email' : 'username'}
          type={kind === 'customer' ? 'email' : 'text'}
          autoComplete={kind === 'customer' ? 'email' : 'username'}
          required
          value={login}
          onChange={(e) => setLogin(e.target.value)}
        />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <button type="submit" disabled={signIn.isPending}>
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      {kind === 'customer' ? (
        <p>
          New here?{' '}
          <Link to={`/register${expired ? `?next=${encodeURIComponent(params.get('next') ?? '')}` : ''}`}>
            Create an account
          </Link>
          . Garage staff: <Link to="/staff/sign-in">staff sign-in</Link>.
        </p>
      ) : (
        <p>
          Customer? <Link to="/sign-in">Sign in here</Link>.
        </p>
      )}
    </section>
  );
}
