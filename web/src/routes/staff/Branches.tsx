import { useState, type FormEvent } from 'react';
import { DEFAULT_BOOKING_HORIZON_DAYS, MAX_BOOKING_HORIZON_DAYS } from '@garage/rules';
import { useAllBranches, useSaveBranch } from '../../api/staff/catalog';
import type { Branch } from '../../api/types';
import { EditorForm, useEditing } from '../../components/Editor';
import { Field } from '../../components/Field';
import { Money } from '../../components/Money';
import { PageTitle } from '../../components/PageTitle';
import { EmptyState, QueryStates } from '../../components/States';
import { fromMinutes, toMinutes, type Weekday } from '../../lib/day-board';
import { zoneLabel } from '../../lib/format';
import { Done, fieldErrorsOf, formLevelError, moneyInput, parseMoneyInput, useStaffUser } from './console';

const DAYS: Weekday[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const DAY_NAMES: Record<Weekday, string> = {
  monday: 'Monday',
  tuesday: 'Tuesday',
  wednesday: 'Wednesday',
  thursday: 'Thursday',
  friday: 'Friday',
  saturday: 'Saturday',
  sunday: 'Sunday',
};

/** The branches: hours, bays, labour rate, tax and how far ahead they take bookings; admins add and edit them. */
export function Component() {
  const user = useStaffUser();
  const branches = useAllBranches();
  const { editing, edit, done, close } = useEditing<Branch>();
  const items = [...(branches.data?.items ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <section>
      <PageTitle>Branches</PageTitle>
      {user.isAdmin ? (
        editing === null && (
          <div className="toolbar">
            <button type="button" onClick={() => edit('new')}>
              Add branch
            </button>
          </div>
        )
      ) : (
        <p className="muted">Only admins change branches.</p>
      )}
      {done && <Done>{done}</Done>}
      {editing !== null && (
        <BranchForm
          key={editing === 'new' ? 'new' : editing.id}
          branch={editing === 'new' ? undefined : editing}
          onDone={close}
        />
      )}
      <QueryStates
        query={branches}
        loading="Loading branches"
        what="Branches"
        empty={!items.length && <EmptyState title="No branches yet" />}
      >
        <ul className="cards">
          {items.map((b) => (
            <li key={b.id} className="card">
              <h2>{b.name}</h2>
              {!b.active && <span className="badge badge-inactive">Closed for good</span>}
              <p>{b.address}</p>
              <dl className="facts compact">
                <div>
                  <dt>Time zone</dt>
                  <dd>{zoneLabel(b.timezone)}</dd>
                </div>
                <div>
                  <dt>Bays</dt>
                  <dd>{b.bays}</dd>
                </div>
                <div>
                  <dt>Labour rate</dt>
                  <dd>
                    <Money cents={b.laborRateCents} currency={b.currency} /> an hour
                  </dd>
                </div>
                <div>
                  <dt>Tax</dt>
                  <dd>{b.taxRatePercent}%</dd>
                </div>
                <div>
                  <dt>Takes bookings</dt>
                  <dd>{b.bookingHorizonDays} days ahead</dd>
                </div>
                <div>
                  <dt>Hours</dt>
                  <dd>
                    <ul className="hours">
                      {DAYS.map((d) => (
                        <li key={d}>
                          {DAY_NAMES[d].slice(0, 3)}{' '}
                          {b.openingHours[d] ? `${b.openingHours[d]!.open}–${b.openingHours[d]!.close}` : 'closed'}
                        </li>
                      ))}
                    </ul>
                  </dd>
                </div>
              </dl>
              {user.isAdmin && (
                <button type="button" className="secondary" onClick={() => edit(b)} aria-label={`Edit ${b.name}`}>
                  Edit
                </button>
              )}
            </li>
          ))}
        </ul>
      </QueryStates>
    </section>
  );
}

type DayHours = { closed: boolean; open: string; close: string };

function BranchForm({ branch, onDone }: { branch?: Branch; onDone: (message?: string) => void }) {
  const save = useSaveBranch();
  const [name, setName] = useState(branch?.name ?? '');
  const [address, setAddress] = useState(branch?.address ?? '');
  const [timezone, setTimezone] = useState(branch?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
  const [bays, setBays] = useState(String(branch?.bays ?? 2));
  const [rate, setRate] = useState(branch ? moneyInput(branch.laborRateCents) : '');
  const [tax, setTax] = useState(String(branch?.taxRatePercent ?? 0));
  const [horizon, setHorizon] = useState(String(branch?.bookingHorizonDays ?? DEFAULT_BOOKING_HORIZON_DAYS));
  const [active, setActive] = useState(branch?.active ?? true);
  const [hours, setHours] = useState<Record<Weekday, DayHours>>(
    () =>
      Object.fromEntries(
        DAYS.map((d) => {
          const h = branch?.openingHours[d];
          return [d, h ? { closed: false, ...h } : { closed: Boolean(branch), open: '08:00', close: '18:00' }];
        }),
      ) as Record<Weekday, DayHours>,
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const setDay = (d: Weekday, change: Partial<DayHours>) => setHours((h) => ({ ...h, [d]: { ...h[d], ...change } }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    const cents = parseMoneyInput(rate);
    if (!name.trim()) problems.name = 'Enter the branch’s name';
    if (!address.trim()) problems.address = 'Enter the address';
    try {
      new Intl.DateTimeFormat('en', { timeZone: timezone });
    } catch {
      problems.timezone = 'Enter a time zone such as Europe/London';
    }
    if (!/^\d+$/.test(bays) || Number(bays) < 1) problems.bays = 'At least one bay';
    if (cents === null) problems.laborRateCents = 'Enter the hourly rate, e.g. 95.00';
    if (!/^\d+(\.\d+)?$/.test(tax) || Number(tax) > 100) problems.taxRatePercent = 'A percentage from 0 to 100';
    if (!/^\d+$/.test(horizon) || Number(horizon) < 1 || Number(horizon) > MAX_BOOKING_HORIZON_DAYS)
      problems.bookingHorizonDays = `Whole days from 1 to ${MAX_BOOKING_HORIZON_DAYS}`;
    for (const d of DAYS) {
      const h = hours[d];
      if (!h.closed && (!h.open || !h.close || toMinutes(h.close) <= toMinutes(h.open)))
        problems[`hours-${d}`] = 'Closing must be after opening';
    }
    setErrors(problems);
    if (Object.keys(problems).length) return;
    const openingHours = Object.fromEntries(
      DAYS.map((d) => [
        d,
        hours[d].closed
          ? null
          : { open: fromMinutes(toMinutes(hours[d].open)), close: fromMinutes(toMinutes(hours[d].close)) },
      ]),
    ) as Branch['openingHours'];
    save.mutate(
      {
        id: branch?.id,
        body: {
          name: name.trim(),
          address: address.trim(),
          timezone,
          bays: Number(bays),
          laborRateCents: cents!,
          taxRatePercent: Number(tax),
          bookingHorizonDays: Number(horizon),
          active,
          openingHours,
        },
      },
      { onSuccess: (saved) => onDone(`${saved.name} is ${branch ? 'saved' : 'added'}.`) },
    );
  };
  const server = fieldErrorsOf(save.error);
  const known = [
    'name',
    'address',
    'timezone',
    'bays',
    'laborRateCents',
    'taxRatePercent',
    'bookingHorizonDays',
    'openingHours',
  ];
  return (
    <EditorForm
      titleId="branch-form-title"
      title={branch ? `Edit ${branch.name}` : 'Add a branch'}
      error={formLevelError(save.error, known)}
      onSubmit={submit}
      pending={save.isPending}
      label={branch ? 'Save branch' : 'Add branch'}
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
        <Field
          label="Address"
          value={address}
          onChange={(e) => setAddress(e.target.value)}
          error={errors.address ?? server.address}
        />
        <Field
          label="Time zone"
          value={timezone}
          onChange={(e) => setTimezone(e.target.value)}
          error={errors.timezone ?? server.timezone}
          hint="An IANA name, e.g. Europe/London"
        />
        <Field
          label="Bays"
          inputMode="numeric"
          value={bays}
          onChange={(e) => setBays(e.target.value)}
          error={errors.bays ?? server.bays}
        />
        <Field
          label="Labour rate per hour"
          inputMode="decimal"
          value={rate}
          onChange={(e) => setRate(e.target.value)}
          error={errors.laborRateCents ?? server.laborRateCents}
        />
        <Field
          label="Tax rate (%)"
          inputMode="decimal"
          value={tax}
          onChange={(e) => setTax(e.target.value)}
          error={errors.taxRatePercent ?? server.taxRatePercent}
        />
        <Field
          label="Takes bookings up to (days ahead)"
          inputMode="numeric"
          value={horizon}
          onChange={(e) => setHorizon(e.target.value)}
          error={errors.bookingHorizonDays ?? server.bookingHorizonDays}
          hint={`Customers cannot book further ahead; 1 to ${MAX_BOOKING_HORIZON_DAYS}`}
        />
      </div>
      <label className="check">
        <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} /> Open for bookings
      </label>
      <fieldset className="hours-editor">
        <legend>Opening hours (branch time)</legend>
        {server.openingHours && <p className="field-error">{server.openingHours}</p>}
        {DAYS.map((d) => (
          <div key={d} className="hours-row">
            <span className="hours-day">{DAY_NAMES[d]}</span>
            <label className="check">
              <input
                type="checkbox"
                checked={hours[d].closed}
                onChange={(e) => setDay(d, { closed: e.target.checked })}
              />{' '}
              Closed
            </label>
            {!hours[d].closed && (
              <>
                <Field
                  label={`${DAY_NAMES[d]} opens`}
                  type="time"
                  value={hours[d].open}
                  onChange={(e) => setDay(d, { open: e.target.value })}
                />
                <Field
                  label={`${DAY_NAMES[d]} closes`}
                  type="time"
                  value={hours[d].close}
                  onChange={(e) => setDay(d, { close: e.target.value })}
                  error={errors[`hours-${d}`]}
                />
              </>
            )}
          </div>
        ))}
      </fieldset>
    </EditorForm>
  );
}
