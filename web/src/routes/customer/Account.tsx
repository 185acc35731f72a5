import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { passwordProblem } from '@garage/rules';
import { useChangePassword, usePasswordPolicy, useSignOut } from '../../api/account';
import { useEndSession, useSession } from '../../api/session';
import { Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { PageTitle } from '../../components/PageTitle';
import { PasswordRules } from '../../components/PasswordRules';
import { FormError } from '../../components/States';
import { useFormFields } from '../../components/useFormFields';

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
  const [done, setDone] = useState(false);
  const doneRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);
  const formRef = useRef<HTMLFormElement>(null);
  const form = useFormFields({
    form: formRef,
    fields: FIELDS,
    initial: { currentPassword: '', newPassword: '' },
    check: ({ currentPassword: current, newPassword: next }) => ({
      currentPassword: current ? undefined : 'Enter your current password.',
      newPassword: (() => {
        const p = passwordProblem(next, policy, [login]);
        if (p) return `${p}.`;
        if (next === current) return 'The new password must differ from the current one.';
        return undefined;
      })(),
    }),
    mutation: change,
  });
  const send = form.onSubmit((values) =>
    change.mutate(values, {
      onSuccess: () => {
        form.reset();
        setDone(true);
      },
    }),
  );
  const onSubmit = (event: FormEvent) => {
    setDone(false);
    send(event);
  };
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-labelledby="change-password" className="narrow">
      <h2 id="change-password">Change your password</h2>
      {done && (
        <p role="status" className="notice ok" tabIndex={-1} ref={doneRef}>
          Your password was changed. You stay signed in here; everywhere else you have been signed out.
        </p>
      )}
      <FormError error={form.general} />
      <Field
        label="Current password"
        type="password"
        autoComplete="current-password"
        {...form.field('currentPassword')}
        required
      />
      <Field
        label="New password"
        type="password"
        autoComplete="new-password"
        hint={<PasswordRules password={form.values.newPassword} policy={policy} />}
        {...form.field('newPassword')}
        required
      />
      <FormActions pending={change.isPending} label="Change password" pendingLabel="Changing…" />
    </form>
  );
}
