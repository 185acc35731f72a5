import { useState, type FormEvent } from 'react';
import { passwordProblem } from '@garage/rules';
import { usePasswordPolicy } from '../../api/account';
import { describeError } from '../../api/errors';
import { itemsOf } from '../../api/staff/paging';
import { useCreateUser, useUpdateUser, useUsers } from '../../api/staff/users';
import type { Branch, StaffAccount, StaffRole } from '../../api/types';
import { Field, SelectField } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import { PasswordRules } from '../../components/PasswordRules';
import { EmptyState, ErrorPanel, FormError, Loading } from '../../components/States';
import { AccountBadge } from './Customers';
import { Done, fieldErrorsOf, formLevelError, LoadMore, useMyBranches } from './console';

/** Staff and admin accounts (admins only): create staff for branches, change role and branches, suspend. */
export function Component() {
  const { user, all } = useMyBranches();
  const [q, setQ] = useState('');
  const list = useUsers(q.trim());
  const items = itemsOf(list.data);
  const [editing, setEditing] = useState<StaffAccount | 'new' | null>(null);
  const [done, setDone] = useState<string>();
  const update = useUpdateUser();
  const nameOf = (id: string) => all.find((b) => b.id === id)?.name ?? 'Unknown branch';
  if (!user.isAdmin)
    return (
      <section>
        <PageTitle>Users</PageTitle>
        <p className="notice">Only admins manage staff accounts.</p>
      </section>
    );
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
          <button type="button" onClick={() => setEditing('new')}>
            Add user
          </button>
        )}
      </div>
      {done && <Done>{done}</Done>}
      {update.isError && editing === null && (
        <p role="alert" className="form-error">
          {describeError(update.error)}
        </p>
      )}
      {editing !== null && (
        <UserForm
          key={editing === 'new' ? 'new' : editing.id}
          account={editing === 'new' ? undefined : editing}
          branches={all}
          self={editing !== 'new' && editing.id === user.id}
          onDone={(message) => {
            setEditing(null);
            if (message) setDone(message);
          }}
        />
      )}
      {list.isPending ? (
        <Loading what="Loading users" />
      ) : list.isError ? (
        <ErrorPanel error={list.error} what="Users" retry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title="No users match" />
      ) : (
        <>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Staff and admin accounts</caption>
              <thead>
                <tr>
                  <th scope="col">Username</th>
                  <th scope="col">Role</th>
                  <th scope="col">Branches</th>
                  <th scope="col">Account</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
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
                        <button
                          type="button"
                          className="secondary"
                          onClick={() => setEditing(u)}
                          aria-label={`Edit ${u.username}`}
                        >
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
              </tbody>
            </table>
          </div>
          <LoadMore
            shown={items.length}
            hasMore={list.hasNextPage}
            loading={list.isFetchingNextPage}
            onMore={() => void list.fetchNextPage()}
            noun="user"
          />
        </>
      )}
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
    <form className="editor" onSubmit={submit} noValidate aria-labelledby="user-form-title">
      <h2 id="user-form-title">{account ? `Edit ${account.username}` : 'Add a user'}</h2>
      <FormError error={formLevelError(mutation.error, ['username', 'password', 'role', 'branchIds'])} />
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
      <div className="actions">
        <button type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? 'Saving…' : account ? 'Save user' : 'Create user'}
        </button>
        <button type="button" className="secondary" onClick={() => onDone()}>
          Cancel
        </button>
      </div>
    </form>
  );
}
