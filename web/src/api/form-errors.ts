import { ApiError } from './errors';

/**
 * Splits a server error for a form: the messages of fields the form has (details[].field) go
 * next to those fields; anything else (no details, or a field the form does not show) becomes
 * the one message at the top.
 */
export function splitFormError<F extends string>(
  error: unknown,
  fields: readonly F[],
): { fields: Partial<Record<F, string>>; general: unknown } {
  if (!error) return { fields: {}, general: null };
  if (!(error instanceof ApiError)) return { fields: {}, general: error };
  const byField = error.fieldErrors();
  const out: Partial<Record<F, string>> = {};
  for (const f of fields) if (byField[f]) out[f] = sentence(byField[f]);
  const placed = Object.keys(out).length;
  const unplaced = Object.keys(byField).some((f) => !(fields as readonly string[]).includes(f));
  return { fields: out, general: placed === 0 || unplaced ? error : null };
}

/** "does not match" → "Does not match." */
function sentence(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
