// The booking workflow as the service desk sees it: what may happen next from each status.
// The bookings service enforces the same steps (an illegal jump is a 409).

export type WorkflowStatus =
  'requested' | 'confirmed' | 'checked_in' | 'in_progress' | 'completed' | 'cancelled' | 'no_show';

export interface WorkflowAction {
  /** The status the booking moves to. */
  to: WorkflowStatus;
  /** The button's words. */
  label: string;
  /** cancel goes through POST /cancel (frees slot and parts); the rest through PATCH /status. */
  via: 'status' | 'cancel';
  /** Completing asks for the car's mileage. */
  needsMileage?: boolean;
  /** Asks "are you sure" first (it cannot be undone). */
  confirm?: string;
  /** The main next step (shown first and emphasised). */
  primary?: boolean;
}

const FORWARD: Partial<Record<WorkflowStatus, WorkflowAction>> = {
  requested: { to: 'confirmed', label: 'Confirm', via: 'status', primary: true },
  confirmed: { to: 'checked_in', label: 'Check in', via: 'status', primary: true },
  checked_in: { to: 'in_progress', label: 'Start work', via: 'status', primary: true },
  in_progress: { to: 'completed', label: 'Complete', via: 'status', primary: true, needsMileage: true },
};

const NO_SHOW: WorkflowAction = {
  to: 'no_show',
  label: 'Mark as no-show',
  via: 'status',
  confirm: 'Mark this booking as a no-show? The slot and its parts are released.',
};
const CANCEL: WorkflowAction = {
  to: 'cancelled',
  label: 'Cancel booking',
  via: 'cancel',
  confirm: 'Cancel this booking? The slot and its parts are released.',
};

/** The actions offered for a booking in a status, the main step first. */
export function workflowActions(status: string): WorkflowAction[] {
  const s = status as WorkflowStatus;
  const out: WorkflowAction[] = [];
  const forward = FORWARD[s];
  if (forward) out.push(forward);
  if (s === 'requested' || s === 'confirmed') out.push(NO_SHOW);
  if (s === 'requested' || s === 'confirmed' || s === 'checked_in') out.push(CANCEL);
  return out;
}

/** Mileage as typed → a whole number, or the reason it is not one. */
export function parseMileage(
  input: string,
  atLeast?: number,
): { ok: true; value: number } | { ok: false; message: string } {
  const text = input.replace(/[\s,._]/g, '');
  if (!text) return { ok: false, message: 'Enter the mileage on the odometer' };
  if (!/^\d+$/.test(text)) return { ok: false, message: 'Enter the mileage as a whole number' };
  const value = Number(text);
  if (value > 3_000_000) return { ok: false, message: 'That mileage is too high: at most 3,000,000' };
  if (atLeast !== undefined && value < atLeast)
    return { ok: false, message: `The car already had ${atLeast.toLocaleString()} on record: enter at least that` };
  return { ok: true, value };
}
