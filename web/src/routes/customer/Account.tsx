import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { passwordProblem } from '@garage/rules';
import { useChangePassword, usePasswordPolicy, useSignOut } from '../../api/account';
import { splitFormError } from '../../api/form-errors';
import { useEndSession, useSession } from '../../api/session';
import { Field } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import { PasswordRules } from '../../components/PasswordRules';
import { FormError } from '../../components/States';
import { useFocusFirstError } from '../../components/useFocusFirstError';

const FIELDS = ['currentPassword', 'newPassword'] as const;

export function Component() {
  const session = useSession();
  const customer = session.data?.kind === 'customer' ? session.data.customer : undefined;
  const navigate = useNavigate();
  const signOut = useSignOut();
  const forget = useEndSession();
  return (
    <section>
      <PageTitle>Your account</PageTitle>
      {customer && (
        <dl className="facts card">
          <div>
            <dt>Name</dt>
            <dd>
              {customer.firstName} {customer.lastName}
            </dd>
          </div>
          <div>
            <dt>Email</dt>
            <dd>{customer.email}</dd>
          </div>
          <div>
            <dt>Phone</dt>
            <dd>{customer.phone ?? 'not given'}</dd>
          </div>
        </dl>
      )}
      <ChangePassword login={customer?.email.split('@')[0] ?? ''} />
      <h2>Sign out</h2>
      <FormError error={signOut.error} />
      <button
        type="button"
        className="secondary"
        disabled={signOut.isPending}
        onClick={() =>
          signOut.mutate(undefined, {
            // Leave the private page first, then forget the account (the guard would send us to sign in).
            onSuccess: async () => {
              await navigate('/', { replace: true });
              forget();
            },
          })
        }
      >
        {signOut.isPending ? 'Signing out…' : 'Sign out'}
      </button>
    </section>
  );
}

function ChangePassword({ login }: { login: string }) {
  const change = useChangePassword();
  const policy = usePasswordPolicy();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [done, setDone] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);
  const server = splitFormError(change.error, FIELDS);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);
  const local = {
    currentPassword: current ? undefined : 'Enter your current password.',
    newPassword: (() => {
      const p = passwordProblem(next, policy, [login]);
      if (p) return `${p}.`;
      if (next === current) return 'The new password must differ from the current one.';
      return undefined;
    })(),
  };
  const errorOf = (f: (typeof FIELDS)[number]) => (submitted ? local[f] : undefined) ?? server.fields[f];
  const [refusals, setRefusals] = useState(0);
  useFocusFirstError(formRef, refusals);
  useFocusFirstError(formRef, change.error);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    setDone(false);
    if (local.currentPassword || local.newPassword) return setRefusals((n) => n + 1);
    change.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
          setSubmitted(false);
          setDone(true);
        },
      },
    );
  };
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-labelledby="change-password" className="narrow">
      <h2 id="change-password">Change your password</h2>
      {done && (
        <p role="status" className="notice ok" tabIndex={-1} ref={doneRef}>
          Your password was changed. You stay signed in here; everywhere else you have been signed out.
        </p>
      )}
      <FormError error={server.general} />
      <Field
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        value={current}
        onChange={(e) => {
          setCurrent(e.target.value);
          if (change.error) change.reset();
        }}
        error={errorOf('currentPassword')}
        required
      />
      <Field
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        hint={<PasswordRules password={next} policy={policy} />}
        value={next}
        onChange={(e) => {
          setNext(e.target.value);
          if (change.error) change.reset();
        }}
        error={errorOf('newPassword')}
        required
      />
      <div className="actions">
        <button type="submit" disabled={change.isPending}>
          {change.isPending ? 'Changing…' : 'Change password'}
        </button>
      </div>
    </form>
  );
}
