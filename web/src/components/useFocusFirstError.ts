import { useEffect, type RefObject } from 'react';

/**
 * After a refused submit, focus goes to what needs fixing: the first field marked invalid, or else
 * the form's one message. `trigger` changes on every refusal (a submit count, the server's error).
 */
export function useFocusFirstError(form: RefObject<HTMLElement | null>, trigger: unknown): void {
  useEffect(() => {
    if (!trigger) return;
    const root = form.current;
    const target =
      root?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? root?.querySelector<HTMLElement>('.form-error');
    if (!target) return;
    if (!target.matches('input, select, textarea, button')) target.tabIndex = -1;
    target.focus();
  }, [form, trigger]);
}
