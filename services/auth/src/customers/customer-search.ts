import { escapeLike, type SqlParams } from '@garage/shared';

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
 * the phone's digits. Its values are added to `params`.
 */
export function customerSearchCondition(q: string, params: SqlParams): string {
  const words = q.split(/\s+/).filter(Boolean).slice(0, MAX_NAME_WORDS);
  const byName = words.map((w) => `${FULL_NAME_SQL} ILIKE ${params.add(containsPattern(w))}`).join(' AND ');
  const alternatives = [`(${byName})`, `email ILIKE ${params.add(containsPattern(q))}`];
  const digits = q.replace(/[^0-9]/g, '');
  if (PHONE_LIKE.test(q) && digits) alternatives.push(`${PHONE_DIGITS_SQL} LIKE ${params.add(`%${digits}%`)}`);
  return `(${alternatives.join(' OR ')})`;
}
