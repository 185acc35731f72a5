import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useSaveTechnician, useTechnicians } from '../../api/staff/technicians';
import type { Branch, Technician } from '../../api/types';
import { DataTable } from '../../components/DataTable';
import { EditorForm, useEditing } from '../../components/Editor';
import { Field } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import { EmptyState, FormError, QueryStates } from '../../components/States';
import { BranchSelect, Done, fieldErrorsOf, formLevelError, useMyBranches } from './console';

/** Technicians per branch; admins add, edit and deactivate them. */
export function Component() {
  const [params, setParams] = useSearchParams();
  const branches = useMyBranches();
  const { user } = branches;
  const branchId = params.get('branch') ?? '';
  const list = useTechnicians(branchId || undefined);
  const save = useSaveTechnician();
  const { editing, edit, done, setDone, close } = useEditing<Technician>();
  const nameOf = (id: string) => branches.all.find((b) => b.id === id)?.name ?? '…';
  const items = [...(list.data ?? [])].sort(
    (a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name),
  );
  const toggle = (t: Technician) =>
    save.mutate(
      { id: t.id, body: { active: !t.active } },
      { onSuccess: (saved) => setDone(`${saved.name} is ${saved.active ? 'active again' : 'deactivated'}.`) },
    );
  return (
    <section>
      <PageTitle>Technicians</PageTitle>
      <div className="toolbar">
        <BranchSelect
          branches={branches.mine}
          value={branchId}
          onChange={(id) => setParams(id ? { branch: id } : {}, { replace: true })}
          allLabel={user.isAdmin ? 'Whole chain' : 'All my branches'}
        />
        {user.isAdmin && editing === null && (
          <button type="button" onClick={() => edit('new')}>
            Add technician
          </button>
        )}
      </div>
      {!user.isAdmin && <p className="muted">Only admins add or change technicians.</p>}
      {done && <Done>{done}</Done>}
      {editing === null && <FormError error={save.error} />}
      {editing !== null && (
        <TechnicianForm
          technician={editing === 'new' ? undefined : editing}
          branches={branches.all}
          defaultBranch={branchId}
          onDone={close}
        />
      )}
      <QueryStates
        query={list}
        loading="Loading technicians"
        what="Technicians"
        empty={!items.length && <EmptyState title="No technicians here yet" />}
      >
        <DataTable caption="Technicians" columns={['Name', 'Branch', 'Skills', 'Status', user.isAdmin && 'Actions']}>
          {items.map((t) => (
            <tr key={t.id}>
              <td>{t.name}</td>
              <td>{nameOf(t.branchId)}</td>
              <td>{t.skills.join(', ') || '—'}</td>
              <td>
                <span className={t.active ? 'badge badge-completed' : 'badge badge-inactive'}>
                  {t.active ? 'Active' : 'Inactive'}
                </span>
              </td>
              {user.isAdmin && (
                <td>
                  <div className="row-actions">
                    <button type="button" className="secondary" onClick={() => edit(t)} aria-label={`Edit ${t.name}`}>
                      Edit
                    </button>
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => toggle(t)}
                      disabled={save.isPending}
                      aria-label={`${t.active ? 'Deactivate' : 'Reactivate'} ${t.name}`}
                    >
                      {t.active ? 'Deactivate' : 'Reactivate'}
                    </button>
                  </div>
                </td>
              )}
            </tr>
          ))}
        </DataTable>
      </QueryStates>
    </section>
  );
}

function TechnicianForm({
  technician,
  branches,
  defaultBranch,
  onDone,
}: {
  technician?: Technician;
  branches: Branch[];
  defaultBranch: string;
  onDone: (message?: string) => void;
}) {
  const save = useSaveTechnician();
  const [name, setName] = useState(technician?.name ?? '');
  const [branchId, setBranchId] = useState(technician?.branchId ?? defaultBranch);
  const [skills, setSkills] = useState(technician?.skills.join(', ') ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!name.trim()) problems.name = 'Enter the technician’s name';
    if (!branchId) problems.branchId = 'Choose the branch they work at';
    setErrors(problems);
    if (Object.keys(problems).length) return;
    const body = {
      name: name.trim(),
      branchId,
      skills: skills
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    };
    save.mutate(
      { id: technician?.id, body },
      { onSuccess: (saved) => onDone(technician ? `${saved.name} is saved.` : `${saved.name} is added.`) },
    );
  };
  const server = fieldErrorsOf(save.error);
  return (
    <EditorForm
      titleId="tech-form-title"
      title={technician ? `Edit ${technician.name}` : 'Add a technician'}
      error={formLevelError(save.error, ['name', 'branchId', 'skills'])}
      onSubmit={submit}
      pending={save.isPending}
      label={technician ? 'Save technician' : 'Add technician'}
      onCancel={() => onDone()}
    >
      <div className="form-grid">
        <Field
          label="Name"
          name="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.name ?? server.name}
          autoFocus
        />
        <BranchSelect
          branches={branches}
          value={branchId}
          onChange={setBranchId}
          error={errors.branchId ?? server.branchId}
        />
        <Field
          label="Skills"
          name="skills"
          value={skills}
          onChange={(e) => setSkills(e.target.value)}
          hint="Separated by commas, e.g. brakes, tyres"
          error={server.skills}
        />
      </div>
    </EditorForm>
  );
}
