import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { itemsOf } from '../../api/staff/paging';
import { useSavePart, useStockList } from '../../api/staff/parts';
import { EditorForm } from '../../components/Editor';
import { Field } from '../../components/Field';
import { FilterBar, SearchInput, useUrlFilters } from '../../components/Filters';
import { Money } from '../../components/Money';
import { PagedTable } from '../../components/PagedTable';
import { PageTitle } from '../../components/PageTitle';
import { EmptyState, QueryStates } from '../../components/States';
import { BranchSelect, Done, fieldErrorsOf, formLevelError, parseMoneyInput, useMyBranches } from './console';

/** Stock per branch, with a low-stock filter and a search; admins add parts. */
export function Component() {
  const filters = useUrlFilters();
  const branches = useMyBranches();
  const { user } = branches;
  const branchId = filters.get('branch');
  const low = filters.get('low') === '1';
  const q = filters.get('q');
  const [text, setText] = useState(q);
  const [adding, setAdding] = useState(false);
  const [done, setDone] = useState<string>();
  const list = useStockList({ branchId: branchId || undefined, lowStock: low, q: q || undefined });
  const items = itemsOf(list.data);
  const currency = branches.all[0]?.currency ?? 'USD';
  const nameOf = (id: string) => branches.all.find((b) => b.id === id)?.name ?? '…';
  return (
    <section>
      <PageTitle>Parts</PageTitle>
      <FilterBar label="Parts" onSubmit={() => filters.set({ q: text.trim() })}>
        <BranchSelect
          branches={branches.mine}
          value={branchId}
          onChange={(id) => filters.set({ branch: id })}
          allLabel={user.isAdmin ? 'Every stocked branch' : 'All my branches'}
        />
        <SearchInput label="Search parts" value={text} onChange={setText} hint="SKU or name" />
        <label className="check">
          <input type="checkbox" checked={low} onChange={(e) => filters.set({ low: e.target.checked ? '1' : '' })} />{' '}
          Low stock only
        </label>
        {user.isAdmin && !adding && (
          <button type="button" className="secondary" onClick={() => setAdding(true)}>
            Add part
          </button>
        )}
      </FilterBar>
      {done && <Done>{done}</Done>}
      {adding && (
        <NewPartForm
          onDone={(message) => {
            setAdding(false);
            if (message) setDone(message);
          }}
        />
      )}
      <QueryStates
        query={list}
        loading="Loading stock"
        what="Stock levels"
        empty={!items.length && <EmptyState title={low ? 'Nothing is low on stock' : 'No parts match'} />}
      >
        <PagedTable
          list={list}
          noun="row"
          caption="Stock per part and branch"
          columns={[
            'Part',
            'SKU',
            'Branch',
            { label: 'On hand', num: true },
            { label: 'Reserved', num: true },
            { label: 'Available', num: true },
            { label: 'Reorder at', num: true },
            { label: 'Unit price', num: true },
          ]}
        >
          {items.map((p) => (
            <tr key={`${p.id}-${p.branchId}`}>
              <td>
                <Link to={`/staff/parts/${p.id}`}>{p.name}</Link>{' '}
                {p.lowStock && <span className="badge badge-low">Low stock</span>}
              </td>
              <td className="mono">{p.sku}</td>
              <td>{nameOf(p.branchId)}</td>
              <td className="num">{p.onHand}</td>
              <td className="num">{p.reserved}</td>
              <td className="num">{p.available}</td>
              <td className="num">{p.reorderLevel}</td>
              <td className="num">
                <Money cents={p.unitPriceCents} currency={currency} />
              </td>
            </tr>
          ))}
        </PagedTable>
      </QueryStates>
    </section>
  );
}

function NewPartForm({ onDone }: { onDone: (message?: string) => void }) {
  const save = useSavePart();
  const [sku, setSku] = useState('');
  const [name, setName] = useState('');
  const [price, setPrice] = useState('');
  const [reorder, setReorder] = useState('0');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    const cents = parseMoneyInput(price);
    if (!sku.trim()) problems.sku = 'Enter the SKU';
    if (!name.trim()) problems.name = 'Enter the part’s name';
    if (cents === null) problems.unitPriceCents = 'Enter a price such as 45.50';
    if (!/^\d+$/.test(reorder.trim())) problems.reorderLevel = 'Enter a whole number, 0 or more';
    setErrors(problems);
    if (Object.keys(problems).length) return;
    save.mutate(
      {
        body: {
          sku: sku.trim().toUpperCase(),
          name: name.trim(),
          unitPriceCents: cents!,
          reorderLevel: Number(reorder),
        },
      },
      { onSuccess: (part) => onDone(`${part.name} (${part.sku}) is added.`) },
    );
  };
  const server = fieldErrorsOf(save.error);
  return (
    <EditorForm
      titleId="part-form-title"
      title="Add a part"
      error={formLevelError(save.error, ['sku', 'name', 'unitPriceCents', 'reorderLevel'])}
      onSubmit={submit}
      pending={save.isPending}
      label="Add part"
      pendingLabel="Adding…"
      onCancel={() => onDone()}
    >
      <div className="form-grid">
        <Field
          label="SKU"
          value={sku}
          onChange={(e) => setSku(e.target.value)}
          error={errors.sku ?? server.sku}
          autoFocus
        />
        <Field label="Name" value={name} onChange={(e) => setName(e.target.value)} error={errors.name ?? server.name} />
        <Field
          label="Unit price"
          inputMode="decimal"
          value={price}
          onChange={(e) => setPrice(e.target.value)}
          error={errors.unitPriceCents ?? server.unitPriceCents}
        />
        <Field
          label="Reorder level"
          inputMode="numeric"
          value={reorder}
          onChange={(e) => setReorder(e.target.value)}
          error={errors.reorderLevel ?? server.reorderLevel}
          hint="Low stock when the available count is at or below this"
        />
      </div>
    </EditorForm>
  );
}
