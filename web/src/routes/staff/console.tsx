import { useEffect, useRef, type ReactNode } from 'react';
import { useOutletContext } from 'react-router';
import { useBranches } from '../../api/catalog';
import { ApiError } from '../../api/errors';
import type { Me, StaffUser } from '../../api/session';
import type { Branch } from '../../api/types';
import { SelectField } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';

// Small pieces every console page uses.

/** The signed-in staff member or admin (StaffLayout passes the session as outlet context). */
export function useStaffUser(): StaffUser & { isAdmin: boolean } {
  const me = useOutletContext<Me>();
  const user =
    me.kind === 'user'
      ? me.user
      : { id: '', username: '', role: 'staff' as const, branchIds: [], status: 'active' as const, createdAt: '' };
  return { ...user, isAdmin: user.role === 'admin' };
}

/** The branches the user works at (an admin: the whole chain), by name. */
export function useMyBranches() {
  const user = useStaffUser();
  const branches = useBranches();
  const all = branches.data?.items ?? [];
  const mine = (user.isAdmin ? all : all.filter((b) => user.branchIds.includes(b.id))).sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  return { ...branches, all, mine, user };
}

/** A branch select. `allLabel` adds an "every branch" choice (value ""). */
export function BranchSelect({
  label = 'Branch',
  branches,
  value,
  onChange,
  allLabel,
  error,
  name,
  required,
}: {
  label?: string;
  branches: Branch[];
  value: string;
  onChange: (id: string) => void;
  allLabel?: string;
  error?: string;
  name?: string;
  required?: boolean;
}) {
  return (
    <SelectField
      label={label}
      name={name}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
      required={required}
    >
      {allLabel !== undefined ? <option value="">{allLabel}</option> : !value && <option value="">Choose…</option>}
      {branches.map((b) => (
        <option key={b.id} value={b.id}>
          {b.name}
        </option>
      ))}
    </SelectField>
  );
}

/** What a page for admins only shows anyone else: its title, and who it is for. */
export function AdminsOnly({ title, why }: { title: string; why: string }) {
  return (
    <section>
      <PageTitle>{title}</PageTitle>
      <p className="notice">{why}</p>
    </section>
  );
}

/** A success message that takes focus when it appears, so keyboard and screen-reader users hear what changed. */
export function Done({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [children]);
  return (
    <p ref={ref} tabIndex={-1} role="status" className="done">
      {children}
    </p>
  );
}

/** The field messages of a 400 (details[].field), for the form's fields. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  return error instanceof ApiError ? error.fieldErrors() : {};
}

/** A mutation's error only when no field message shows it already. */
export function formLevelError(error: unknown, fields: string[]): unknown {
  if (!(error instanceof ApiError)) return error;
  const named = error.fieldErrors();
  return fields.some((f) => named[f]) ? null : error;
}

/** Whole currency units as typed ("45.50") → cents, or null. */
export function parseMoneyInput(text: string): number | null {
  const t = text.trim().replace(/,/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return null;
  return Math.round(Number(t) * 100);
}

/** Cents → "45.50" for an input. */
export function moneyInput(cents: number): string {
  return (cents / 100).toFixed(2);
}
