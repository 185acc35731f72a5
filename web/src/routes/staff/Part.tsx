import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useAdjustStock, useMovements, usePartStock, useSavePart, useTransferStock } from '../../api/staff/parts';
import { itemsOf } from '../../api/staff/paging';
import type { Branch, Part as PartShape } from '../../api/types';
import { Field, SelectField } from '../../components/Field';
import { DataTable } from '../../components/DataTable';
import { Money } from '../../components/Money';
import { PagedTable } from '../../components/PagedTable';
import { PageTitle } from '../../components/PageTitle';
import { EmptyState, FormError, QueryStates } from '../../components/States';
import { formatDateTime } from '../../lib/format';
import {
  BranchSelect,
  Done,
  fieldErrorsOf,
  formLevelError,
  moneyInput,
  parseMoneyInput,
  useMyBranches,
} from './console';

const MOVEMENT_WORDS: Record<string, string> = {
  receive: 'Received',
  adjust: 'Adjusted',
  'transfer-in': 'Transferred in',
  'transfer-out': 'Transferred out',
  reserve: 'Reserved for a booking',
  release: 'Released from a booking',
  consume: 'Fitted',
};

/** One part: its stock at every branch, receive/adjust, transfer, and the ledger of every change. */
export function Component() {
  const { id } = useParams();
  const stock = usePartStock(id);
  const branches = useMyBranches();
  const part = stock.data?.part;
  const nameOf = (b: string) => branches.all.find((x) => x.id === b)?.name ?? '…';
  const currency = branches.all[0]?.currency ?? 'USD';
  return (
    <section>
      <p className="crumbs">
        <Link to="/staff/parts">Parts</Link>
      </p>
      <PageTitle>{part ? `${part.name} (${part.sku})` : 'Part'}</PageTitle>
      <QueryStates query={stock} loading="Loading the part" what="The part">
        {({ part, items }) => (
          <>
            <p>
              Unit price <Money cents={part.unitPriceCents} currency={currency} /> · reorder at {part.reorderLevel}
            </p>
            <section className="panel" aria-labelledby="stock-title">
              <h2 id="stock-title">Stock at every branch</h2>
              {items.length === 0 ? (
                <p>No branch holds this part yet.</p>
              ) : (
                <DataTable
                  caption={`Stock of ${part.name} per branch`}
                  columns={[
                    'Branch',
                    { label: 'On hand', num: true },
                    { label: 'Reserved', num: true },
                    { label: 'Available', num: true },
                    'State',
                  ]}
                >
                  {items.map((s) => (
                    <tr key={s.branchId}>
                      <th scope="row">{nameOf(s.branchId)}</th>
                      <td className="num">{s.onHand}</td>
                      <td className="num">{s.reserved}</td>
                      <td className="num">{s.available}</td>
                      <td>{s.lowStock ? <span className="badge badge-low">Low stock</span> : 'OK'}</td>
                    </tr>
                  ))}
                </DataTable>
              )}
            </section>
            <div className="panels">
              <AdjustForm partId={part.id} mine={branches.mine} nameOf={nameOf} />
              <TransferForm partId={part.id} mine={branches.mine} all={branches.all} nameOf={nameOf} />
              {branches.user.isAdmin && <EditPartForm part={part} />}
            </div>
            <Ledger partId={part.id} branches={branches.all} nameOf={nameOf} />
          </>
        )}
      </QueryStates>
    </section>
  );
}

export function AdjustForm({
  partId,
  mine,
  nameOf,
}: {
  partId: string;
  mine: Branch[];
  nameOf: (id: string) => string;
}) {
  const adjust = useAdjustStock(partId);
  const [branchId, setBranchId] = useState(mine.length === 1 ? mine[0]!.id : '');
  const [kind, setKind] = useState<'receive' | 'adjust'>('receive');
  const [quantity, setQuantity] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(undefined);
    const problems: Record<string, string> = {};
    const n = Number(quantity.trim());
    if (!branchId) problems.branchId = 'Choose the branch';
    if (!/^[-+]?\d+$/.test(quantity.trim()) || n === 0) problems.delta = 'Enter a whole number other than 0';
    else if (kind === 'receive' && n < 0) problems.delta = 'A delivery adds stock: enter a positive number';
    if (!reason.trim()) problems.reason = 'Say why (e.g. the delivery note number)';
    setErrors(problems);
    if (Object.keys(problems).length) return;
    adjust.mutate(
      { branchId, delta: n, kind, reason: reason.trim() },
      {
        onSuccess: (level) => {
          setQuantity('');
          setReason('');
          setDone(
            `${kind === 'receive' ? 'Received' : 'Adjusted by'} ${n} at ${nameOf(branchId)}: ${level.onHand} on hand, ${level.available} available.`,
          );
        },
      },
    );
  };
  const server = fieldErrorsOf(adjust.error);
  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby="adjust-title">
      <h2 id="adjust-title">Receive or adjust stock</h2>
      {done && <Done>{done}</Done>}
      <FormError error={formLevelError(adjust.error, ['branchId', 'delta', 'reason'])} />
      <BranchSelect
        branches={mine}
        value={branchId}
        onChange={setBranchId}
        error={errors.branchId ?? server.branchId}
      />
      <SelectField label="What happened" value={kind} onChange={(e) => setKind(e.target.value as 'receive' | 'adjust')}>
        <option value="receive">A delivery arrived</option>
        <option value="adjust">Correct the count</option>
      </SelectField>
      <Field
        label="Quantity"
        inputMode="numeric"
        value={quantity}
        onChange={(e) => setQuantity(e.target.value)}
        error={errors.delta ?? server.delta}
        hint={kind === 'adjust' ? 'A negative number takes stock away' : 'How many arrived'}
      />
      <Field
        label="Reason"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={errors.reason ?? server.reason}
      />
      <button type="submit" disabled={adjust.isPending}>
        {adjust.isPending ? 'Saving…' : kind === 'receive' ? 'Receive stock' : 'Adjust stock'}
      </button>
    </form>
  );
}

export function TransferForm({
  partId,
  mine,
  all,
  nameOf,
}: {
  partId: string;
  mine: Branch[];
  all: Branch[];
  nameOf: (id: string) => string;
}) {
  const transfer = useTransferStock(partId);
  const [from, setFrom] = useState(mine.length === 1 ? mine[0]!.id : '');
  const [to, setTo] = useState('');
  const [quantity, setQuantity] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(undefined);
    const problems: Record<string, string> = {};
    if (!from) problems.fromBranchId = 'Choose the branch the parts leave';
    if (!to) problems.toBranchId = 'Choose the branch they go to';
    else if (to === from) problems.toBranchId = 'Choose a different branch';
    if (!/^\d+$/.test(quantity.trim()) || Number(quantity) < 1) problems.quantity = 'Enter a whole number, 1 or more';
    if (!reason.trim()) problems.reason = 'Say why';
    setErrors(problems);
    if (Object.keys(problems).length) return;
    transfer.mutate(
      { fromBranchId: from, toBranchId: to, quantity: Number(quantity), reason: reason.trim() },
      {
        onSuccess: (moved) => {
          setQuantity('');
          setReason('');
          setDone(
            `Moved ${quantity} from ${nameOf(from)} (now ${moved.from.available} available) to ${nameOf(to)} (now ${moved.to.available} available).`,
          );
        },
      },
    );
  };
  const server = fieldErrorsOf(transfer.error);
  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby="transfer-title">
      <h2 id="transfer-title">Transfer to another branch</h2>
      {done && <Done>{done}</Done>}
      <FormError error={formLevelError(transfer.error, ['fromBranchId', 'toBranchId', 'quantity', 'reason'])} />
      <BranchSelect
        label="From branch"
        branches={mine}
        value={from}
        onChange={setFrom}
        error={errors.fromBranchId ?? server.fromBranchId}
      />
      <BranchSelect
        label="To branch"
        branches={all.filter((b) => b.id !== from)}
        value={to}
        onChange={setTo}
        error={errors.toBranchId ?? server.toBranchId}
      />
      <Field
        label="Quantity to move"
        inputMode="numeric"
        value={quantity}
        onChange={(e) => setQuantity(e.target.value)}
        error={errors.quantity ?? server.quantity}
      />
      <Field
        label="Reason for the transfer"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={errors.reason ?? server.reason}
      />
      <button type="submit" disabled={transfer.isPending}>
        {transfer.isPending ? 'Moving…' : 'Transfer parts'}
      </button>
    </form>
  );
}

function EditPartForm({ part }: { part: PartShape }) {
  const save = useSavePart();
  const [name, setName] = useState(part.name);
  const [price, setPrice] = useState(moneyInput(part.unitPriceCents));
  const [reorder, setReorder] = useState(String(part.reorderLevel));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    const cents = parseMoneyInput(price);
    if (!name.trim()) problems.name = 'Enter the part’s name';
    if (cents === null) problems.unitPriceCents = 'Enter a price such as 45.50';
    if (!/^\d+$/.test(reorder.trim())) problems.reorderLevel = 'Enter a whole number, 0 or more';
    setErrors(problems);
    if (Object.keys(problems).length) return;
    save.mutate(
      { id: part.id, body: { name: name.trim(), unitPriceCents: cents!, reorderLevel: Number(reorder) } },
      { onSuccess: () => setDone('The part is saved.') },
    );
  };
  const server = fieldErrorsOf(save.error);
  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby="part-edit-title">
      <h2 id="part-edit-title">Edit the part</h2>
      {done && <Done>{done}</Done>}
      <FormError error={formLevelError(save.error, ['name', 'unitPriceCents', 'reorderLevel'])} />
      <Field
        label="Part name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={errors.name ?? server.name}
      />
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
      />
      <button type="submit" disabled={save.isPending}>
        {save.isPending ? 'Saving…' : 'Save part'}
      </button>
    </form>
  );
}

function Ledger({ partId, branches, nameOf }: { partId: string; branches: Branch[]; nameOf: (id: string) => string }) {
  const [branchId, setBranchId] = useState('');
  const ledger = useMovements(partId, branchId || undefined);
  const items = itemsOf(ledger.data);
  const zoneOf = (id: string) => branches.find((b) => b.id === id)?.timezone ?? 'UTC';
  return (
    <section aria-labelledby="ledger-title">
      <h2 id="ledger-title">Movements</h2>
      <div className="toolbar">
        <BranchSelect
          label="Movements at"
          branches={branches}
          value={branchId}
          onChange={setBranchId}
          allLabel="Every branch"
        />
      </div>
      <QueryStates
        query={ledger}
        loading="Loading movements"
        what="The movements"
        empty={!items.length && <EmptyState title="No movements yet" />}
      >
        <PagedTable
          list={ledger}
          noun="movement"
          caption="Every change to this part’s stock, newest first"
          columns={[
            'When (branch time)',
            'Branch',
            'What',
            { label: 'On hand', num: true },
            { label: 'Reserved', num: true },
            'Why',
            'By',
          ]}
        >
          {items.map((m) => (
            <tr key={m.id}>
              <td>{formatDateTime(m.at, zoneOf(m.branchId))}</td>
              <td>{nameOf(m.branchId)}</td>
              <td>
                {MOVEMENT_WORDS[m.kind] ?? m.kind}
                {m.bookingId && (
                  <>
                    {' '}
                    (<Link to={`/staff/bookings/${m.bookingId}`}>booking</Link>)
                  </>
                )}
              </td>
              <td className="num">{signed(m.delta)}</td>
              <td className="num">{signed(m.reservedDelta)}</td>
              <td>{m.reason}</td>
              <td>{m.actor.kind === 'user' ? 'Staff' : m.actor.kind === 'customer' ? 'Customer' : 'System'}</td>
            </tr>
          ))}
        </PagedTable>
      </QueryStates>
    </section>
  );
}

function signed(n: number) {
  return n > 0 ? `+${n}` : n === 0 ? '0' : `−${Math.abs(n)}`;
}
