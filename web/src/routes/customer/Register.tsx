import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { passwordProblem, type PasswordPolicyOptions } from '@garage/rules';
import { usePasswordPolicy, useRegister } from '../../api/account';
import { splitFormError } from '../../api/form-errors';
import { safeNext } from '../../api/session';
import { Field } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import { PasswordRules } from '../../components/PasswordRules';
import { FormError } from '../../components/States';
import { useFocusFirstError } from '../../components/useFocusFirstError';

const FIELDS = ['firstName', 'lastName', 'email', 'phone', 'password'] as const;
type FieldName = (typeof FIELDS)[number];
type Values = Record<FieldName, string>;

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
  const [values, setValues] = useState<Values>({ firstName: '', lastName: '', email: '', phone: '', password: '' });
  const [submitted, setSubmitted] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const policy = usePasswordPolicy();
  const problems = registrationProblems(values, policy);
  const server = splitFormError(register.error, FIELDS);
  const errorOf = (f: FieldName) => (submitted ? problems[f] : undefined) ?? server.fields[f];
  const set = (f: FieldName) => (e: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [f]: e.target.value }));
    if (register.error) register.reset();
  };
  const [refusals, setRefusals] = useState(0);
  useFocusFirstError(formRef, refusals);
  useFocusFirstError(formRef, register.error);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(problems).length) return setRefusals((n) => n + 1);
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
    );
  };

  const next = params.get('next');
  return (
    <section className="narrow">
      <PageTitle>Create an account</PageTitle>
      <p>Book and follow your car&rsquo;s services online. It takes a minute.</p>
      <form ref={formRef} onSubmit={onSubmit} noValidate>
        <FormError error={server.general} />
        <div className="row">
          <Field
            label="First name"
            name="firstName"
            autoComplete="given-name"
            value={values.firstName}
            onChange={set('firstName')}
            error={errorOf('firstName')}
            required
          />
          <Field
            label="Last name"
            name="lastName"
            autoComplete="family-name"
            value={values.lastName}
            onChange={set('lastName')}
            error={errorOf('lastName')}
            required
          />
        </div>
        <Field
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          value={values.email}
          onChange={set('email')}
          error={errorOf('email')}
          required
        />
        <Field
          label="Phone (optional)"
          name="phone"
          type="tel"
          autoComplete="tel"
          hint="So the branch can call you about your car."
          value={values.phone}
          onChange={set('phone')}
          error={errorOf('phone')}
        />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          hint={<PasswordRules password={values.password} policy={policy} />}
          value={values.password}
          onChange={set('password')}
          error={errorOf('password')}
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
