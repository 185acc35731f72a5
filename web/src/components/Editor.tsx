import { useState, type FormEvent, type ReactNode } from 'react';
import { FormActions } from './FormActions';
import { FormError } from './States';

/**
 * The add/edit state of a list page: what is being edited (`'new'` for a new one, null for none)
 * and the message the last save left. A form's `onDone` is `close`: it shuts the form and shows the
 * message, if any.
 */
export function useEditing<T>() {
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const [done, setDone] = useState<string>();
  const close = (message?: string) => {
    setEditing(null);
    if (message) setDone(message);
  };
  return { editing, edit: setEditing, done, setDone, close };
}

/**
 * An add/edit form of the console: headed by its title (which names the form), the form-level error
 * under it, the fields, then save and cancel. Validation is the caller's (`noValidate`).
 */
export function EditorForm({
  titleId,
  title,
  error,
  onSubmit,
  pending,
  label,
  pendingLabel,
  onCancel,
  children,
}: {
  /** The heading's id (the form's accessible name comes from it). */
  titleId: string;
  title: string;
  /** A field-less error to show at the top (see formLevelError). */
  error: unknown;
  onSubmit: (event: FormEvent) => void;
  pending: boolean;
  label: string;
  pendingLabel?: string;
  onCancel: () => void;
  children: ReactNode;
}) {
  return (
    <form className="editor" onSubmit={onSubmit} noValidate aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      <FormError error={error} />
      {children}
      <FormActions pending={pending} label={label} pendingLabel={pendingLabel} onCancel={onCancel} />
    </form>
  );
}
