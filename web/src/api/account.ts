import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PasswordPolicyOptions } from '@garage/rules';
import { api } from './client';
import { unwrap } from './errors';
import { SESSION_KEY, type Me } from './session';
import type { PasswordChange, Registration } from './types';

// Registering, changing the password and signing out.

/**
 * The password rules this deployment applies (GET /api/password-policy: composition can be turned
 * off), asked once per visit. Until it answers, or if it cannot, forms show the stricter set.
 */
export function usePasswordPolicy(): PasswordPolicyOptions {
  const policy = useQuery({
    queryKey: ['password-policy'],
    queryFn: () => unwrap(api.GET('/api/password-policy')),
    staleTime: Infinity,
  });
  return { requireComposition: policy.data?.requireComposition ?? true };
}

/** Creates the account, then signs in with it (registration itself starts no session). */
export function useRegister() {
  const client = useQueryClient();
  return useMutation({
    meta: { expectsUnauthorized: true },
    mutationFn: async (registration: Registration): Promise<Me> => {
      await unwrap(api.POST('/api/customer-register', { body: registration }));
      const session = await unwrap(
        api.POST('/api/customer-login', { body: { email: registration.email, password: registration.password } }),
      );
      return { kind: 'customer', customer: session.customer };
    },
    onSuccess: (me) => {
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      client.setQueryData(SESSION_KEY, me);
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (change: PasswordChange) => unwrap(api.POST('/api/me/password', { body: change })),
  });
}

/**
 * Ends the session on the server (the cookie too). The caller leaves the private page first and
 * then calls the returned `forget` (useEndSession), or the sign-in guard would send it to sign in.
 */
export function useSignOut() {
  return useMutation({
    meta: { expectsUnauthorized: true },
    mutationFn: async () => {
      try {
        await unwrap(api.POST('/api/logout'));
      } catch (err) {
        // Already gone on the server (expired, revoked): signed out all the same.
        if (!(err instanceof Error && 'status' in err && err.status === 401)) throw err;
      }
    },
  });
}
