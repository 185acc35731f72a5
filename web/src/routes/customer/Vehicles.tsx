import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { MAX_MILEAGE, PLATE_MESSAGE, PLATE_PATTERN, vinProblem } from '@garage/rules';
import { safeNext } from '../../api/session';
import type { AddedVehicle, Vehicle } from '../../api/types';
import { useAddVehicle, useMyVehicles, useUpdateVehicle, vehicleName, type VehicleDraft } from '../../api/vehicles';
import { Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { PageTitle } from '../../components/PageTitle';
import { VehicleBadge } from '../../components/StatusBadge';
import { EmptyState, FormError, QueryStates } from '../../components/States';
import { useFormFields } from '../../components/useFormFields';
import { formatMileage, formatNumber } from '../../lib/format';

const FIELDS = ['vin', 'plate', 'make', 'model', 'year', 'mileage'] as const;
type FieldName = (typeof FIELDS)[number];
type Values = Record<FieldName, string>;
const EMPTY: Values = { vin: '', plate: '', make: '', model: '', year: '', mileage: '' };

/** My cars: the list, a form to add one (?add=1, then back to ?next= if given), and editing in place. */
export function Component() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const vehicles = useMyVehicles();
  const adding = params.get('add') === '1';
  const next = params.get('next');
  const [editing, setEditing] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const status = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (added) status.current?.focus();
  }, [added]);

  const setAdding = (on: boolean) => {
    const p = new URLSearchParams(params);
    if (on) p.set('add', '1');
    else p.delete('add');
    setParams(p, { replace: true });
  };

  return (
    <section>
      <PageTitle>My cars</PageTitle>
      {added && (
        <p role="status" className="notice ok" tabIndex={-1} ref={status}>
          {added} was added.
        </p>
      )}
      {adding ? (
        <VehicleForm
          onDone={(vehicle) => {
            if (next) return void navigate(safeNext(next, '/vehicles'));
            setAdded(vehicleName(vehicle));
            setAdding(false);
          }}
          onCancel={() => (next ? void navigate(safeNext(next, '/vehicles')) : setAdding(false))}
        />
      ) : (
        <p>
          <button type="button" onClick={() => setAdding(true)}>
            Add a car
          </button>
        </p>
      )}
      <QueryStates
        query={vehicles}
        loading="Loading your cars"
        what="Your cars"
        empty={(data) =>
          !data.items.length &&
          !adding && (
            <EmptyState title="No cars yet.">
              <p>Add your car to book a service for it.</p>
            </EmptyState>
          )
        }
      >
        {(data) =>
          data.items.length > 0 && (
            <>
              <h2>Your cars</h2>
              <ul className="cards">
                {data.items.map((v) => (
                  <li key={v.id} className="card">
                    {editing === v.id ? (
                      <VehicleForm vehicle={v} onDone={() => setEditing(null)} onCancel={() => setEditing(null)} />
                    ) : (
                      <VehicleCard vehicle={v} onEdit={() => setEditing(v.id)} />
                    )}
                  </li>
                ))}
              </ul>
              <p>
                <Link to="/book">Book a service</Link> · <Link to="/history">Service history</Link>
              </p>
            </>
          )
        }
      </QueryStates>
    </section>
  );
}

/** Why a car that is not confirmed cannot be booked, in the owner's words. */
const STANDING: Record<string, string> = {
  claim_pending:
    'We are checking this car’s details before it can be booked. Our staff will be in touch; you can book it once they have.',
  claim_rejected: 'We could not confirm this car is yours, so it cannot be booked. Please contact the branch.',
};

function VehicleCard({ vehicle: v, onEdit }: { vehicle: Vehicle; onEdit: () => void }) {
  const mileage: number | null | undefined = v.mileage;
  return (
    <article aria-labelledby={`car-${v.id}`}>
      <h3 id={`car-${v.id}`}>
        {v.year} {v.make} {v.model} <VehicleBadge status={v.status} />
      </h3>
      {STANDING[v.status] && <p className="muted">{STANDING[v.status]}</p>}
      <dl className="facts">
        <div>
          <dt>Plate</dt>
          <dd>{v.plate}</dd>
        </div>
        <div>
          <dt>VIN</dt>
          <dd className="mono">{v.vin}</dd>
        </div>
        <div>
          <dt>Mileage</dt>
          <dd>{formatMileage(mileage)}</dd>
        </div>
      </dl>
      <button type="button" className="secondary" onClick={onEdit} aria-label={`Edit ${vehicleName(v)}`}>
        Edit
      </button>
    </article>
  );
}

/** What is wrong with each field as typed (the same rules as the contract), or nothing. */
export function vehicleProblems(values: Values, isNew: boolean): Partial<Values> {
  const out: Partial<Values> = {};
  const thisYear = new Date().getFullYear();
  if (isNew) {
    const vin = vinProblem(values.vin);
    if (vin) out.vin = vin;
  }
  if (!PLATE_PATTERN.test(values.plate.trim().toUpperCase())) out.plate = `Enter ${PLATE_MESSAGE}.`;
  if (!values.make.trim()) out.make = 'Enter the make, for example Ford.';
  if (!values.model.trim()) out.model = 'Enter the model, for example Focus.';
  const year = Number(values.year);
  if (!/^\d{4}$/.test(values.year.trim()) || year < 1900 || year > thisYear + 1)
    out.year = `Enter a year from 1900 to ${thisYear + 1}.`;
  const m = values.mileage.trim().replace(/[,\s]/g, '');
  if (m && (!/^\d+$/.test(m) || Number(m) > MAX_MILEAGE))
    out.mileage = `Enter whole miles from 0 to ${formatNumber(MAX_MILEAGE)}, or leave it empty.`;
  return out;
}

function VehicleForm({
  vehicle,
  onDone,
  onCancel,
}: {
  vehicle?: Vehicle;
  onDone: (v: AddedVehicle) => void;
  onCancel: () => void;
}) {
  const isNew = !vehicle;
  const add = useAddVehicle();
  const update = useUpdateVehicle(vehicle?.id ?? '');
  const mutation = isNew ? add : update;
  // A field's rule shows as you type for the VIN, once left for the others, and all on submit.
  const formRef = useRef<HTMLFormElement>(null);
  const form = useFormFields({
    form: formRef,
    fields: FIELDS,
    initial: vehicle
      ? {
          vin: vehicle.vin,
          plate: vehicle.plate,
          make: vehicle.make,
          model: vehicle.model,
          year: String(vehicle.year),
          mileage: vehicle.mileage == null ? '' : String(vehicle.mileage),
        }
      : EMPTY,
    check: (values) => vehicleProblems(values, isNew),
    mutation,
    showEarly: (f, values, left) => left || (f === 'vin' && values.vin.length > 0),
  });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const onSubmit = form.onSubmit((values) => {
    const mileageText = values.mileage.trim().replace(/[,\s]/g, '');
    const common = {
      plate: values.plate.trim().toUpperCase(),
      make: values.make.trim(),
      model: values.model.trim(),
      year: Number(values.year),
      // An unknown mileage is simply not sent.
      ...(mileageText ? { mileage: Number(mileageText) } : {}),
    };
    const options = { onSuccess: onDone };
    if (isNew) add.mutate({ vin: values.vin.trim().toUpperCase(), ...common } as VehicleDraft, options);
    else update.mutate(common, options);
  });

  const title = isNew ? 'Add a car' : `Edit ${vehicle.year} ${vehicle.make} ${vehicle.model}`;
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-labelledby={isNew ? 'add-car' : `edit-${vehicle.id}`}>
      <h2 id={isNew ? 'add-car' : `edit-${vehicle.id}`} ref={heading} tabIndex={-1}>
        {title}
      </h2>
      <FormError error={form.general} />
      {isNew ? (
        <Field
          label="VIN"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          hint="17 letters and digits, on the registration document or at the bottom of the windscreen."
          {...form.field('vin')}
          required
        />
      ) : (
        <p>
          VIN <span className="mono">{vehicle.vin}</span>
        </p>
      )}
      <Field label="Number plate" autoCapitalize="characters" {...form.field('plate')} required />
      <div className="row">
        <Field label="Make" {...form.field('make')} required />
        <Field label="Model" {...form.field('model')} required />
      </div>
      <div className="row">
        <Field label="Year" inputMode="numeric" {...form.field('year')} required />
        <Field
          label="Mileage (optional)"
          inputMode="numeric"
          hint="Leave it empty if you do not know it."
          {...form.field('mileage')}
        />
      </div>
      <FormActions pending={mutation.isPending} label={isNew ? 'Add car' : 'Save changes'} onCancel={onCancel} />
    </form>
  );
}
