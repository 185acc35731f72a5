import { useState, type ChangeEvent, type FormEvent, type RefObject } from 'react';
import { splitFormError } from '../api/form-errors';
import { useFocusFirstError } from './useFocusFirstError';

/**
 * A form's fields, one way: the values as typed, each field's message (the rule it breaks once the
 * form was submitted, or earlier where `showEarly` says so, else what the server said about it),
 * the server's field-less error for the top, and focus on the first message after a refused submit.
 * Typing clears the server's error. Spread `field(name)` on a Field; wrap the submit in `onSubmit`;
 * `form` is the ref on the <form>, for the focus.
 */
export function useFormFields<F extends string>({
  form,
  fields,
  initial,
  check,
  mutation,
  showEarly,
}: {
  form: RefObject<HTMLFormElement | null>;
  fields: readonly F[];
  initial: Record<F, string>;
  /** What is wrong with each field as typed (the same rules as the server), or nothing. */
  check: (values: Record<F, string>) => Partial<Record<F, string | undefined>>;
  mutation: { error: unknown; reset: () => void };
  /** Show a field's rule before the form is submitted, e.g. once it was left (`left`). */
  showEarly?: (field: F, values: Record<F, string>, left: boolean) => boolean;
}) {
  const [values, setValues] = useState(initial);
  const [left, setLeft] = useState<Partial<Record<F, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const [refusals, setRefusals] = useState(0);
  useFocusFirstError(form, refusals);
  useFocusFirstError(form, mutation.error);
  const problems = check(values);
  const server = splitFormError(mutation.error, fields);
  const errorOf = (f: F) => {
    const shown = submitted || (showEarly?.(f, values, Boolean(left[f])) ?? false);
    return (shown ? problems[f] : undefined) ?? server.fields[f];
  };
  return {
    values,
    /** The server's error that no field shows, for a FormError at the top. */
    general: server.general,
    /** A Field's name, value, change and blur handlers and message. */
    field: (f: F) => ({
      name: f,
      value: values[f],
      onChange: (e: ChangeEvent<HTMLInputElement>) => {
        const value = e.target.value;
        setValues((v) => ({ ...v, [f]: value }));
        if (mutation.error) mutation.reset();
      },
      onBlur: () => setLeft((t) => ({ ...t, [f]: true })),
      error: errorOf(f),
    }),
    /** The submit handler: marks the form submitted, then sends only when no rule is broken. */
    onSubmit: (send: (values: Record<F, string>) => void) => (event: FormEvent) => {
      event.preventDefault();
      setSubmitted(true);
      if (Object.values(problems).some(Boolean)) return setRefusals((n) => n + 1);
      send(values);
    },
    /** Back to empty (or `to`), as if never submitted. */
    reset: (to: Record<F, string> = initial) => {
      setValues(to);
      setLeft({});
      setSubmitted(false);
    },
  };
}
