import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { itemsOf } from '../../api/staff/paging';
import { useSavePart, useStockList } from '../../api/staff/parts';
import { Field } from '../../components/Field';
import { Money } from '../../components/Money';
import { PageTitle } from '../../components/PageTitle';
import { EmptyState, ErrorPanel, FormError, Loading } from '../../components/States';
import { BranchSelect, Done, fieldErrorsOf, formLevelError, LoadMore, parseMoneyInput, useMyBranches } from './console';

/** Stock per branch, with a low-stock filter and a search; admins add parts. */
export function Component() {
  const [params, setParams] = useSearchParams();
  const branches = useMyBranches();
  const { user } = branches;
  const branchId = params.get('branch') ?? '';
  const low = params.get('low') === '1';
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const [adding, setAdding] = useState(false);
  const [done, setDone] = useState<string>();
  const list = useStockList({ branchId: branchId || undefined, lowStock: low, q: q || undefined });
  const items = itemsOf(list.data);
  const currency = branches.all[0]?.currency ?? 'USD';
  const nameOf = (id: string) => branches.all.find((b) => b.id === id)?.name ?? '…';
  const set = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };
  const search = (event: FormEvent) => {
    event.preventDefault();
    set({ q: text.trim() });
  };
  return (
    <section>
      <PageTitle>Parts</PageTitle>
      <form role="search" aria-label="Parts" className="filters" onSubmit={search}>
        <BranchSelect
          branches={branches.mine}
          value={branchId}
          onChange={(id) => set({ branch: id })}
          allLabel={user.isAdmin ? 'Every stocked branch' : 'All my branches'}
        />
        <Field
          label="Search parts"
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          hint="SKU or name"
        />
        <button type="submit">Search</button>
        <label className="check">
          <input type="checkbox" checked={low} onChange={(e) => set({ low: e.target.checked ? '1' : '' })} /> Low stock
          only
        </label>
        {user.isAdmin && !adding && (
          <button type="button" className="secondary" onClick={() => setAdding(true)}>
            Add part
          </button>
        )}
      </form>
      {done && <Done>{done}</Done>}
      {adding && (
        <NewPartForm
          onDone={(message) => {
            setAdding(false);
            if (message) setDone(message);
          }}
        />
      )}
      {list.isPending ? (
        <Loading what="Loading stock" />
      ) : list.isError ? (
        <ErrorPanel error={list.error} what="Stock levels" retry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={low ? 'Nothing is low on stock' : 'No parts match'} />
      ) : (
        <>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Stock per part and branch</caption>
              <thead>
                <tr>
                  <th scope="col">Part</th>
                  <th scope="col">SKU</th>
                  <th scope="col">Branch</th>
                  <th scope="col" className="num">
                    On hand
                  </th>
                  <th scope="col" className="num">
                    Reserved
                  </th>
                  <th scope="col" className="num">
                    Available
                  </th>
                  <th scope="col" className="num">
                    Reorder at
                  </th>
                  <th scope="col" className="num">
                    Unit price
                  </th>
                </tr>
              </thead>
              <tbody>
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
              </tbody>
            </table>
          </div>
          <LoadMore
            shown={items.length}
            hasMore={list.hasNextPage}
            loading={list.isFetchingNextPage}
            onMore={() => void list.fetchNextPage()}
            noun="row"
          />
        </>
      )}
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
    <form className="editor" onSubmit={submit} noValidate aria-labelledby="part-form-title">
      <h2 id="part-form-title">Add a part</h2>
      <FormError error={formLevelError(save.error, ['sku', 'name', 'unitPriceCents', 'reorderLevel'])} />
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
      <div className="actions">
        <button type="submit" disabled={save.isPending}>
          {save.isPending ? 'Adding…' : 'Add part'}
        </button>
        <button type="button" className="secondary" onClick={() => onDone()}>
          Cancel
        </button>
      </div>
    </form>
  );
}
