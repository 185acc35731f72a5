import { useState, type FormEvent } from 'react';
import { useAllServices, useSaveService } from '../../api/staff/catalog';
import type { ServiceOffering } from '../../api/types';
import { DataTable } from '../../components/DataTable';
import { EditorForm, useEditing } from '../../components/Editor';
import { Field } from '../../components/Field';
import { Money } from '../../components/Money';
import { PageTitle } from '../../components/PageTitle';
import { EmptyState, QueryStates } from '../../components/States';
import { Done, fieldErrorsOf, formLevelError, useMyBranches } from './console';

/** The service catalog; admins add and edit services, including the parts each one uses. */
export function Component() {
  const services = useAllServices();
  const { user, all } = useMyBranches();
  const { editing, edit, done, close } = useEditing<ServiceOffering>();
  const currency = all[0]?.currency ?? 'USD';
  const items = [...(services.data ?? [])].sort(
    (a, b) => a.category.localeCompare(b.category) || a.name.localeCompare(b.name),
  );
  return (
    <section>
      <PageTitle>Service catalog</PageTitle>
      {user.isAdmin ? (
        editing === null && (
          <div className="toolbar">
            <button type="button" onClick={() => edit('new')}>
              Add service
            </button>
          </div>
        )
      ) : (
        <p className="muted">Only admins change the catalog.</p>
      )}
      {done && <Done>{done}</Done>}
      {editing !== null && (
        <ServiceForm
          key={editing === 'new' ? 'new' : editing.id}
          service={editing === 'new' ? undefined : editing}
          onDone={close}
        />
      )}
      <QueryStates
        query={services}
        loading="Loading the catalog"
        what="The catalog"
        empty={!items.length && <EmptyState title="No services yet" />}
      >
        <DataTable
          caption="Services"
          columns={[
            'Service',
            'Code',
            'Category',
            { label: 'Minutes', num: true },
            { label: 'Labour hours', num: true },
            'Parts used',
            { label: 'Price (before tax)', num: true },
            'Status',
            user.isAdmin && 'Actions',
          ]}
        >
          {items.map((s) => (
            <tr key={s.id}>
              <td>{s.name}</td>
              <td className="mono">{s.code}</td>
              <td>{s.category}</td>
              <td className="num">{s.durationMinutes}</td>
              <td className="num">{s.laborHours}</td>
              <td>{s.parts.map((p) => `${p.quantity} × ${p.partSku}`).join(', ') || '—'}</td>
              <td className="num">
                <Money cents={s.priceCents} currency={currency} />
              </td>
              <td>
                <span className={s.active ? 'badge badge-completed' : 'badge badge-inactive'}>
                  {s.active ? 'Offered' : 'Withdrawn'}
                </span>
              </td>
              {user.isAdmin && (
                <td>
                  <button type="button" className="secondary" onClick={() => edit(s)} aria-label={`Edit ${s.name}`}>
                    Edit
                  </button>
                </td>
              )}
            </tr>
          ))}
        </DataTable>
      </QueryStates>
    </section>
  );
}

interface PartRow {
  key: number;
  partSku: string;
  quantity: string;
}

function ServiceForm({ service, onDone }: { service?: ServiceOffering; onDone: (message?: string) => void }) {
  const save = useSaveService();
  const [name, setName] = useState(service?.name ?? '');
  const [code, setCode] = useState(service?.code ?? '');
  const [category, setCategory] = useState(service?.category ?? '');
  const [description, setDescription] = useState(service?.description ?? '');
  const [minutes, setMinutes] = useState(String(service?.durationMinutes ?? 60));
  const [hours, setHours] = useState(String(service?.laborHours ?? 1));
  const [active, setActive] = useState(service?.active ?? true);
  const [rows, setRows] = useState<PartRow[]>(
    (service?.parts ?? []).map((p, i) => ({ key: i, partSku: p.partSku, quantity: String(p.quantity) })),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const setRow = (key: number, change: Partial<PartRow>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...change } : r)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!name.trim()) problems.name = 'Enter the service’s name';
    if (!code.trim()) problems.code = 'Enter a short code';
    if (!category.trim()) problems.category = 'Enter a category, e.g. Brakes';
    if (!/^\d+$/.test(minutes) || Number(minutes) < 1) problems.durationMinutes = 'Enter the minutes, 1 or more';
    if (!/^\d+(\.\d+)?$/.test(hours)) problems.laborHours = 'Enter the labour hours, e.g. 1.5';
    rows.forEach((r) => {
      if (!r.partSku.trim()) problems[`part-${r.key}`] = 'Enter the part’s SKU';
      else if (!/^\d+$/.test(r.quantity) || Number(r.quantity) < 1) problems[`qty-${r.key}`] = 'At least 1';
    });
    setErrors(problems);
    if (Object.keys(problems).length) return;
    const body = {
      name: name.trim(),
      code: code.trim(),
      category: category.trim(),
      description: description.trim(),
      durationMinutes: Number(minutes),
      laborHours: Number(hours),
      active,
      parts: rows.map((r) => ({ partSku: r.partSku.trim().toUpperCase(), quantity: Number(r.quantity) })),
    };
    save.mutate(
      { id: service?.id, body },
      { onSuccess: (saved) => onDone(`${saved.name} is ${service ? 'saved' : 'added'}.`) },
    );
  };
  const server = fieldErrorsOf(save.error);
  const known = ['name', 'code', 'category', 'description', 'durationMinutes', 'laborHours', 'parts'];
  return (
    <EditorForm
      titleId="service-form-title"
      title={service ? `Edit ${service.name}` : 'Add a service'}
      error={formLevelError(save.error, known)}
      onSubmit={submit}
      pending={save.isPending}
      label={service ? 'Save service' : 'Add service'}
      onCancel={() => onDone()}
    >
      <div className="form-grid">
        <Field
          label="Name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.name ?? server.name}
          autoFocus
        />
        <Field label="Code" value={code} onChange={(e) => setCode(e.target.value)} error={errors.code ?? server.code} />
        <Field
          label="Category"
          value={category}
          onChange={(e) => setCategory(e.target.value)}
          error={errors.category ?? server.category}
        />
        <Field
          label="Duration (minutes)"
          inputMode="numeric"
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
          error={errors.durationMinutes ?? server.durationMinutes}
        />
        <Field
          label="Labour hours"
          inputMode="decimal"
          value={hours}
          onChange={(e) => setHours(e.target.value)}
          error={errors.laborHours ?? server.laborHours}
          hint="Priced at each branch’s labour rate"
        />
      </div>
      <Field
        label="Description"
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        error={server.description}
      />
      <label className="check">
        <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} /> Offered to customers
      </label>
      <fieldset className="parts-editor">
        <legend>Parts used</legend>
        {server.parts && <p className="field-error">{server.parts}</p>}
        {rows.length === 0 && <p className="muted">No parts.</p>}
        {rows.map((r, i) => (
          <div key={r.key} className="part-row">
            <Field
              label={`Part ${i + 1} SKU`}
              value={r.partSku}
              onChange={(e) => setRow(r.key, { partSku: e.target.value })}
              error={errors[`part-${r.key}`]}
            />
            <Field
              label={`Part ${i + 1} quantity`}
              inputMode="numeric"
              value={r.quantity}
              onChange={(e) => setRow(r.key, { quantity: e.target.value })}
              error={errors[`qty-${r.key}`]}
            />
            <button
              type="button"
              className="secondary"
              onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
              aria-label={`Remove part ${i + 1}`}
            >
              Remove
            </button>
          </div>
        ))}
        <button
          type="button"
          className="secondary"
          onClick={() =>
            setRows((rs) => [...rs, { key: Math.max(0, ...rs.map((x) => x.key + 1)), partSku: '', quantity: '1' }])
          }
        >
          Add a part
        </button>
      </fieldset>
    </EditorForm>
  );
}
