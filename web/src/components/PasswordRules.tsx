import { passwordRules } from '@garage/rules';

/**
 * The server's password rules, ticked off as you type (the same functions the auth service
 * runs). Composition is on unless the deployment turned it off; the API does not say which, so
 * the browser shows the stricter set.
 */
export function PasswordRules({ password, id }: { password: string; id?: string }) {
  const rules = passwordRules(password, { requireComposition: true });
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

export const ALL_PASSWORD_RULES_MET = (password: string) =>
  passwordRules(password, { requireComposition: true }).every((r) => r.met);
