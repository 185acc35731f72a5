import { DomainError, passwordProblem as ruleProblem, type PasswordPolicyOptions } from '@garage/shared';
import { COMMON_PASSWORDS } from './common-passwords.js';

export { MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH, type PasswordPolicyOptions } from '@garage/shared';

const isCommon = (folded: string) => COMMON_PASSWORDS.has(folded);

/**
 * The one place the password rules are applied (register, create-user, change, CLI): the length
 * and composition rules of libs/shared (the web app shows the same ones as you type) plus the
 * breached-password list shipped here. Returns the broken rule, or null.
 */
export function passwordProblem(
  password: string,
  options: PasswordPolicyOptions,
  context: string[] = [],
): string | null {
  return ruleProblem(password, options, context, isCommon);
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
