// Pure rules, no Node code: the auth service and the web app (as you type) apply the same ones.

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;

export interface PasswordPolicyOptions {
  /** Upper case, lower case and a digit, as the original required (NIST SP 800-63B-4 advises turning it off). */
  requireComposition: boolean;
}

export interface PasswordRule {
  id: 'length' | 'upper' | 'lower' | 'digit';
  /** Shown beside the field as you type. */
  label: string;
  /** The server's message when the rule is broken. */
  message: string;
  met: boolean;
}

/** Each length and composition rule with whether the password meets it, in the order they are checked. */
export function passwordRules(password: string, options: PasswordPolicyOptions): PasswordRule[] {
  const length = [...password].length;
  const rules: PasswordRule[] = [
    {
      id: 'length',
      label: `${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters`,
      message:
        length > MAX_PASSWORD_LENGTH
          ? `Password must be at most ${MAX_PASSWORD_LENGTH} characters long`
          : `Password must be at least ${MIN_PASSWORD_LENGTH} characters long`,
      met: length >= MIN_PASSWORD_LENGTH && length <= MAX_PASSWORD_LENGTH,
    },
  ];
  if (options.requireComposition) {
    rules.push(
      {
        id: 'upper',
        label: 'an upper-case letter',
        message: 'Password must contain an upper-case letter',
        met: /\p{Lu}/u.test(password),
      },
      {
        id: 'lower',
        label: 'a lower-case letter',
        message: 'Password must contain a lower-case letter',
        met: /\p{Ll}/u.test(password),
      },
      { id: 'digit', label: 'a digit', message: 'Password must contain a digit', met: /\p{Nd}/u.test(password) },
    );
  }
  return rules;
}

/**
 * The first broken rule's message, or null. `isCommon` is the breached-password list (the auth
 * service ships it; the browser leaves that check to the server). `context` holds the account's
 * name, username or email: a password containing one of them (4+ characters) is refused.
 */
export function passwordProblem(
  password: string,
  options: PasswordPolicyOptions,
  context: string[] = [],
  isCommon: (folded: string) => boolean = () => false,
): string | null {
  const broken = passwordRules(password, options).find((rule) => !rule.met);
  if (broken) return broken.message;
  const folded = password.toLowerCase();
  if (isCommon(folded)) return 'Password is too common (it appears in lists of breached passwords)';
  for (const word of context) {
    if (word.length >= 4 && folded.includes(word.toLowerCase()))
      return 'Password must not contain your name, username or email';
  }
  return null;
}
