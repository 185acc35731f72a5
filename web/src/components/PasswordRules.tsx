import { passwordRules, type PasswordPolicyOptions } from '@garage/rules';

/**
 * The server's password rules, ticked off as you type (the same functions the auth service runs,
 * with the deployment's policy: see usePasswordPolicy).
 */
export function PasswordRules({
  password,
  policy,
  id,
}: {
  password: string;
  policy: PasswordPolicyOptions;
  id?: string;
}) {
  const rules = passwordRules(password, policy);
  return (
    <div id={id}>
      <span>Your password needs:</span>
      <ul className="rules">
        {rules.map((rule) => (
          <li key={rule.id} className={rule.met ? 'rule-met' : 'rule-unmet'}>
            <span aria-hidden="true">
              {rule.met ? '✓' : '•'} {rule.label}
            </span>
            <span className="visually-hidden">{`${rule.label} (${rule.met ? 'done' : 'still needed'})`}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
