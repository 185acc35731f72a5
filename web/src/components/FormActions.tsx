/**
 * A form's buttons, one way everywhere: submit (disabled and saying so while the request runs) and,
 * given `onCancel`, a secondary Cancel.
 */
export function FormActions({
  pending,
  label,
  pendingLabel = 'Saving…',
  onCancel,
}: {
  pending: boolean;
  /** The submit button's words ("Save branch"). */
  label: string;
  /** Its words while the request runs. */
  pendingLabel?: string;
  onCancel?: () => void;
}) {
  return (
    <div className="actions">
      <button type="submit" disabled={pending}>
        {pending ? pendingLabel : label}
      </button>
      {onCancel && (
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      )}
    </div>
  );
}
