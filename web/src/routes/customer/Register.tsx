import { useRef } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { passwordProblem, type PasswordPolicyOptions } from '@garage/rules';
import { usePasswordPolicy, useRegister } from '../../api/account';
import { safeNext } from '../../api/session';
import { Field } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import { PasswordRules } from '../../components/PasswordRules';
import { FormError } from '../../components/States';
import { useFormFields } from '../../components/useFormFields';

const FIELDS = ['firstName', 'lastName', 'email', 'phone', 'password'] as const;
type Values = Record<(typeof FIELDS)[number], string>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ()-]{5,32}$/;

/** What the form can tell before asking the server (the server checks again, and the breached list). */
export function registrationProblems(v: Values, policy: PasswordPolicyOptions): Partial<Values> {
  const out: Partial<Values> = {};
  if (!v.firstName.trim()) out.firstName = 'Enter your first name.';
  if (!v.lastName.trim()) out.lastName = 'Enter your last name.';
  if (!EMAIL.test(v.email.trim())) out.email = 'Enter an email address like name@example.com.';
  if (v.phone.trim() && !PHONE.test(v.phone.trim())) out.phone = 'Enter a phone number: digits, spaces, +, (, ) and -.';
  const password = passwordProblem(v.password, policy, [v.email.trim().split('@')[0] ?? '']);
  if (password) out.password = `${password}.`;
  return out;
}

export function Component() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const register = useRegister();
  const policy = usePasswordPolicy();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useFormFields({
    form: formRef,
    fields: FIELDS,
    initial: { firstName: '', lastName: '', email: '', phone: '', password: '' },
    check: (values) => registrationProblems(values, policy),
    mutation: register,
  });

  const onSubmit = form.onSubmit((values) =>
    register.mutate(
      {
        email: values.email.trim(),
        password: values.password,
        firstName: values.firstName.trim(),
        lastName: values.lastName.trim(),
        ...(values.phone.trim() ? { phone: values.phone.trim() } : {}),
      },
      {
        onSuccess: () => void navigate(safeNext(params.get('next'), '/vehicles?add=1'), { replace: true }),
      },
    ),
  );

  const next = params.get('next');
  return (
    <section className="narrow">
      <PageTitle>Create an account</PageTitle>
      <p>Book and follow your car&rsquo;s services online. It takes a minute.</p>
      <form ref={formRef} onSubmit={onSubmit} noValidate>
        <FormError error={form.general} />
        <div className="row">
          <Field label="First name" autoComplete="given-name" {...form.field('firstName')} required />
          <Field label="Last name" autoComplete="family-name" {...form.field('lastName')} required />
        </div>
        <Field label="Email" type="email" autoComplete="email" {...form.field('email')} required />
        <Field
          label="Phone (optional)"
          type="tel"
          autoComplete="tel"
          hint="So the branch can call you about your car."
          {...form.field('phone')}
        />
        <Field
          label="Password"
          type="password"
          autoComplete="new-password"
          hint={<PasswordRules password={form.values.password} policy={policy} />}
          {...form.field('password')}
          required
        />
        <button type="submit" disabled={register.isPending}>
          {register.isPending ? 'Creating your account…' : 'Create account'}
        </button>
      </form>
      <p>
        Already have an account? <Link to={`/sign-in${next ? `?next=${encodeURIComponent(next)}` : ''}`}>Sign in</Link>.
      </p>
    </section>
  );
}
