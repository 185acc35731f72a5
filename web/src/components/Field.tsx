import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';

interface ShellProps {
  label: string;
  /** The server's or the form's message for this field; shown under it and announced. */
  error?: string;
  /** Help that stays visible (rules, formats). */
  hint?: ReactNode;
  children: (ids: {
    id: string;
    'aria-invalid': boolean | undefined;
    'aria-describedby': string | undefined;
  }) => ReactNode;
}

/** A label, a control and its hint and error, wired together for screen readers. */
export function FieldShell({ label, error, hint, children }: ShellProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {hint && (
        <div id={hintId} className="field-hint">
          {hint}
        </div>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

type FieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'children'> & {
  label: string;
  error?: string;
  hint?: ReactNode;
};

/** A text-like input with its label, hint and error. */
export function Field({ label, error, hint, ...input }: FieldProps) {
  return (
    <FieldShell label={label} error={error} hint={hint}>
      {(ids) => <input {...input} {...ids} />}
    </FieldShell>
  );
}

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'children'> & {
  label: string;
  error?: string;
  hint?: ReactNode;
  children: ReactNode;
};

/** A select with its label, hint and error. */
export function SelectField({ label, error, hint, children, ...select }: SelectProps) {
  return (
    <FieldShell label={label} error={error} hint={hint}>
      {(ids) => (
        <select {...select} {...ids}>
          {children}
        </select>
      )}
    </FieldShell>
  );
}
