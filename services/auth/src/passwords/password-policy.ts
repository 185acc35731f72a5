import { DomainError } from '@garage/shared';
import { COMMON_PASSWORDS } from './common-passwords.js';

export interface PasswordPolicyOptions {
  /** Upper case, lower case and a digit, as the original required (NIST SP 800-63B-4 advises turning it off). */
  requireComposition: boolean;
}

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;

/** The one place the password rules live (register, create-user, change, CLI). Returns the broken rule, or null. */
export function passwordProblem(
  password: string,
  options: PasswordPolicyOptions,
  context: string[] = [],
): string | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return `Password must be at least ${MIN_PASSWORD_LENGTH} characters long`;
  if (length > MAX_PASSWORD_LENGTH) return `Password must be at most ${MAX_PASSWORD_LENGTH} characters long`;
  if (options.requireComposition) {
    if (!/\p{Lu}/u.test(password)) return 'Password must contain an upper-case letter';
    if (!/\p{Ll}/u.test(password)) return 'Password must contain a lower-case letter';
    if (!/\p{Nd}/u.test(password)) return 'Password must contain a digit';
  }
  const folded = password.toLowerCase();
  if (COMMON_PASSWORDS.has(folded)) return 'Password is too common (it appears in lists of breached passwords)';
  for (const word of context) {
    if (word.length >= 4 && folded.includes(word.toLowerCase()))
      return 'Password must not contain your name, username or email';
  }
  return null;
}

/** Throws a 400-class domain error naming the broken rule. */
export function assertPasswordAllowed(
  password: string,
  options: PasswordPolicyOptions,
  context: string[] = [],
  field = 'password',
): void {
  const problem = passwordProblem(password, options, context);
  if (problem) throw new DomainError('VALIDATION_FAILED', problem, [{ field, message: problem }]);
}
