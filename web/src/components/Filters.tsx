import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { Field } from './Field';

/**
 * A list's filters kept in the URL's query, so a link or a reload keeps them: `get(key)` reads one
 * ('' when absent), `set({ key: value })` changes some in place (an empty value removes it).
 */
export function useUrlFilters() {
  const [params, setParams] = useSearchParams();
  const get = (key: string) => params.get(key) ?? '';
  const set = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };
  return { params, get, set };
}

/** The filter bar over a list: a search landmark named `label`; submitting it calls `onSubmit` (no page load). */
export function FilterBar({
  label,
  onSubmit,
  children,
}: {
  label: string;
  onSubmit?: () => void;
  children: ReactNode;
}) {
  return (
    <form
      role="search"
      aria-label={label}
      className="filters"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit?.();
      }}
    >
      {children}
    </form>
  );
}

/** A search box and its Search button, for a FilterBar (which runs the search on submit). */
export function SearchInput({
  label,
  hint,
  name,
  value,
  onChange,
}: {
  label: string;
  hint: string;
  name?: string;
  value: string;
  onChange: (text: string) => void;
}) {
  return (
    <>
      <Field
        label={label}
        type="search"
        name={name}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        hint={hint}
      />
      <button type="submit">Search</button>
    </>
  );
}
