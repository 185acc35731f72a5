import { escapeLike } from '@garage/shared';

/** Expressions the trigram indexes of migration IndexCustomerSearch are built on (they must match exactly). */
export const FULL_NAME_SQL = `(first_name || ' ' || last_name)`;
export const PHONE_DIGITS_SQL = `regexp_replace(phone, '[^0-9]', '', 'g')`;

const MAX_NAME_WORDS = 5;
const PHONE_LIKE = /^\+?[0-9 ().-]+$/;

/** `%text%` for LIKE/ILIKE, with the caller's own `%`, `_` and `\` taken literally. */
export function containsPattern(text: string): string {
  return `%${escapeLike(text)}%`;
}

/**
 * The WHERE condition of a customer search: every word of q in the full name (so "smith john"
 * finds John Smith), or q inside the email, or, when q looks like a phone number, its digits inside
 * the phone's digits. Parameters are appended to `params`; placeholders follow their positions.
 */
export function customerSearchCondition(q: string, params: unknown[]): string {
  const placeholder = (value: unknown) => `$${params.push(value)}`;
  const words = q.split(/\s+/).filter(Boolean).slice(0, MAX_NAME_WORDS);
  const byName = words.map((w) => `${FULL_NAME_SQL} ILIKE ${placeholder(containsPattern(w))}`).join(' AND ');
  const alternatives = [`(${byName})`, `email ILIKE ${placeholder(containsPattern(q))}`];
  const digits = q.replace(/[^0-9]/g, '');
  if (PHONE_LIKE.test(q) && digits) alternatives.push(`${PHONE_DIGITS_SQL} LIKE ${placeholder(`%${digits}%`)}`);
  return `(${alternatives.join(' OR ')})`;
}
