import { useState, type FormEvent } from 'react';
import { passwordProblem } from '@garage/rules';
import { usePasswordPolicy } from '../../api/account';
import { itemsOf } from '../../api/staff/paging';
import { useCreateUser, useUpdateUser, useUsers } from '../../api/staff/users';
import type { Branch, StaffAccount, StaffRole } from '../../api/types';
import { EditorForm, useEditing } from '../../components/Editor';
import { Field, SelectField } from '../../components/Field';
import { PagedTable } from '../../components/PagedTable';
import { PageTitle } from '../../components/PageTitle';
import { PasswordRules } from '../../components/PasswordRules';
import { EmptyState, FormError, QueryStates } from '../../components/States';
import { AccountBadge } from './Customers';
import { AdminsOnly, Done, fieldErrorsOf, formLevelError, useMyBranches } from './console';

/** Staff and admin accounts (admins only): create staff for branches, change role and branches, suspend. */
export function Component() {
  const { user, all } = useMyBranches();
  const [q, setQ] = useState('');
  const list = useUsers(q.trim());
  const items = itemsOf(list.data);
  const { editing, edit, done, setDone, close } = useEditing<StaffAccount>();
  const update = useUpdateUser();
  const nameOf = (id: string) => all.find((b) => b.id === id)?.name ?? 'Unknown branch';
  if (!user.isAdmin) return <AdminsOnly title="Users" why="Only admins manage staff accounts." />;
  const toggle = (u: StaffAccount) =>
    update.mutate(
      { id: u.id, body: { status: u.status === 'active' ? 'suspended' : 'active' } },
      {
        onSuccess: (saved) =>
          setDone(
            `${saved.username} is ${saved.status === 'active' ? 'active' : 'suspended and signed out everywhere'}.`,
          ),
      },
    );
  return (
    <section>
      <PageTitle>Users</PageTitle>
      <div className="toolbar">
        <Field label="Find a user" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        {editing === null && (
          <button type="button" onClick={() => edit('new')}>
            Add user
          </button>
        )}
      </div>
      {done && <Done>{done}</Done>}
      {editing === null && <FormError error={update.error} />}
      {editing !== null && (
        <UserForm
          key={editing === 'new' ? 'new' : editing.id}
          account={editing === 'new' ? undefined : editing}
          branches={all}
          self={editing !== 'new' && editing.id === user.id}
          onDone={close}
        />
      )}
      <QueryStates
        query={list}
        loading="Loading users"
        what="Users"
        empty={!items.length && <EmptyState title="No users match" />}
      >
        <PagedTable
          list={list}
          noun="user"
          caption="Staff and admin accounts"
          columns={['Username', 'Role', 'Branches', 'Account', 'Actions']}
        >
          {items.map((u) => (
            <tr key={u.id}>
              <td>{u.username}</td>
              <td>{u.role === 'admin' ? 'Admin' : 'Staff'}</td>
              <td>{u.role === 'admin' ? 'Whole chain' : u.branchIds.map(nameOf).join(', ') || 'None'}</td>
              <td>
                <AccountBadge status={u.status} />
              </td>
              <td>
                <div className="row-actions">
                  <button type="button" className="secondary" onClick={() => edit(u)} aria-label={`Edit ${u.username}`}>
                    Edit
                  </button>
                  {u.id !== user.id && (
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => toggle(u)}
                      disabled={update.isPending}
                      aria-label={`${u.status === 'active' ? 'Suspend' : 'Activate'} ${u.username}`}
                    >
                      {u.status === 'active' ? 'Suspend' : 'Activate'}
                    </button>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </PagedTable>
      </QueryStates>
    </section>
  );
}

function UserForm({
  account,
  branches,
  self,
  onDone,
}: {
  account?: StaffAccount;
  branches: Branch[];
  self: boolean;
  onDone: (message?: string) => void;
}) {
  const create = useCreateUser();
  const policy = usePasswordPolicy();
  const update = useUpdateUser();
  const mutation = account ? update : create;
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<StaffRole>(account?.role ?? 'staff');
  const [branchIds, setBranchIds] = useState<string[]>(account?.branchIds ?? []);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!account) {
      if (!username.trim()) problems.username = 'Enter a username';
      const weak = passwordProblem(password, policy, [username.trim()]);
      if (weak) problems.password = weak;
    }
    if (role === 'staff' && branchIds.length === 0) problems.branchIds = 'Choose at least one branch';
    setErrors(problems);
    if (Object.keys(problems).length) return;
    if (account)
      update.mutate(
        { id: account.id, body: { role, branchIds } },
        { onSuccess: (saved) => onDone(`${saved.username} is saved.`) },
      );
    else
      create.mutate(
        { username: username.trim(), password, role, branchIds },
        { onSuccess: (saved) => onDone(`${saved.username} is created.`) },
      );
  };
  const server = fieldErrorsOf(mutation.error);
  return (
    <EditorForm
      titleId="user-form-title"
      title={account ? `Edit ${account.username}` : 'Add a user'}
      error={formLevelError(mutation.error, ['username', 'password', 'role', 'branchIds'])}
      onSubmit={submit}
      pending={mutation.isPending}
      label={account ? 'Save user' : 'Create user'}
      onCancel={() => onDone()}
    >
      <div className="form-grid">
        {!account && (
          <>
            <Field
              label="Username"
              autoComplete="off"
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              error={errors.username ?? server.username}
              autoFocus
            />
            <Field
              label="Password"
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              error={errors.password ?? server.password}
              hint={<PasswordRules password={password} policy={policy} />}
            />
          </>
        )}
        <SelectField
          label="Role"
          value={role}
          onChange={(e) => setRole(e.target.value as StaffRole)}
          error={server.role}
          disabled={self}
          hint={self ? 'You cannot change your own role' : undefined}
        >
          <option value="staff">Staff (their branches)</option>
          <option value="admin">Admin (whole chain)</option>
        </SelectField>
      </div>
      <fieldset
        className="branch-picks"
        aria-describedby={errors.branchIds || server.branchIds ? 'branch-picks-error' : undefined}
      >
        <legend>Branches</legend>
        {branches.map((b) => (
          <label key={b.id} className="check">
            <input
              type="checkbox"
              checked={branchIds.includes(b.id)}
              onChange={(e) =>
                setBranchIds((ids) => (e.target.checked ? [...ids, b.id] : ids.filter((x) => x !== b.id)))
              }
            />{' '}
            {b.name}
          </label>
        ))}
        {(errors.branchIds ?? server.branchIds) && (
          <p id="branch-picks-error" className="field-error">
            {errors.branchIds ?? server.branchIds}
          </p>
        )}
      </fieldset>
    </EditorForm>
  );
}
