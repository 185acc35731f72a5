import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useBranch } from '../../api/catalog';
import { ApiError, describeError } from '../../api/errors';
import { useMoveBooking } from '../../api/staff/bookings';
import { useCustomer } from '../../api/staff/customers';
import { useTechnicians } from '../../api/staff/technicians';
import { useVehicle } from '../../api/staff/vehicles';
import type { Booking } from '../../api/types';
import { BranchTime } from '../../components/BranchTime';
import { DataTable, TotalRow } from '../../components/DataTable';
import { Field } from '../../components/Field';
import { Money } from '../../components/Money';
import { ErrorPanel, Loading } from '../../components/States';
import { PartsBadge, StatusBadge } from '../../components/StatusBadge';
import { formatMileage, formatTime, zoneAbbreviation } from '../../lib/format';
import { bookingStatusWords } from '../../lib/words';
import { parseMileage, workflowActions, type WorkflowAction } from '../../lib/workflow';
import { Done } from './console';

/** Everything the desk needs about one booking, and the next steps of its workflow. */
export function BookingWork({ booking, headingLevel = 2 }: { booking: Booking; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const branch = useBranch(booking.branchId);
  const zone = branch.data?.timezone ?? 'UTC';
  const technicians = useTechnicians(booking.branchId);
  const technician = technicians.data?.find((t) => t.id === booking.technicianId);
  return (
    <div className="booking-work">
      <dl className="facts">
        <div>
          <dt>When</dt>
          <dd>
            <BranchTime iso={booking.startsAt} timeZone={zone} withDate /> – {formatTime(booking.endsAt, zone)}{' '}
            <span className="zone">{branch.data ? `(${zoneLabelOf(zone, booking.startsAt)})` : ''}</span>
          </dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            <StatusBadge status={booking.status} />
          </dd>
        </div>
        <div>
          <dt>Parts</dt>
          <dd>
            <PartsBadge status={booking.partsStatus} />
          </dd>
        </div>
        <div>
          <dt>Branch</dt>
          <dd>{branch.data?.name ?? '…'}</dd>
        </div>
        <div>
          <dt>Technician</dt>
          <dd>{technician?.name ?? (technicians.isPending ? '…' : 'Unknown')}</dd>
        </div>
        <div>
          <dt>Bay</dt>
          <dd>{booking.bay}</dd>
        </div>
      </dl>

      <WorkflowActions booking={booking} />

      <div className="work-columns">
        <section aria-label="Customer">
          <H>Customer</H>
          <CustomerFacts id={booking.customerId} />
        </section>
        <section aria-label="Car">
          <H>Car</H>
          <VehicleFacts id={booking.vehicleId} />
        </section>
      </div>

      <section aria-label="Services and quote">
        <H>Services and quote</H>
        <DataTable
          caption="Quote, frozen when booked"
          columns={[
            'Service',
            { label: 'Labour', num: true },
            { label: 'Parts', num: true },
            { label: 'Total', num: true },
          ]}
          footer={
            <>
              <TotalRow label="Subtotal">
                <Money cents={booking.quote.subtotalCents} currency={booking.quote.currency} />
              </TotalRow>
              <TotalRow label="Tax">
                <Money cents={booking.quote.taxCents} currency={booking.quote.currency} />
              </TotalRow>
              <TotalRow label="Total">
                <strong>
                  <Money cents={booking.quote.totalCents} currency={booking.quote.currency} />
                </strong>
              </TotalRow>
            </>
          }
        >
          {booking.quote.lines.map((line) => (
            <tr key={line.serviceId}>
              <td>{line.name}</td>
              <td className="num">
                <Money cents={line.laborCents} currency={booking.quote.currency} />
              </td>
              <td className="num">
                <Money cents={line.partsCents} currency={booking.quote.currency} />
              </td>
              <td className="num">
                <Money cents={line.totalCents} currency={booking.quote.currency} />
              </td>
            </tr>
          ))}
        </DataTable>
        {booking.notes && (
          <p>
            <strong>Notes:</strong> {booking.notes}
          </p>
        )}
      </section>
    </div>
  );
}

function zoneLabelOf(zone: string, iso: string) {
  const city = zone.split('/').pop()?.replace(/_/g, ' ') ?? zone;
  return `${city} time, ${zoneAbbreviation(zone, new Date(iso))}`;
}

function CustomerFacts({ id }: { id: string }) {
  const customer = useCustomer(id);
  if (customer.isPending) return <Loading what="Loading the customer" />;
  if (customer.isError)
    return <ErrorPanel error={customer.error} what="The customer" retry={() => void customer.refetch()} />;
  const c = customer.data;
  return (
    <dl className="facts compact">
      <div>
        <dt>Name</dt>
        <dd>
          <Link to={`/staff/customers/${c.id}`}>
            {c.firstName} {c.lastName}
          </Link>
        </dd>
      </div>
      <div>
        <dt>Email</dt>
        <dd>
          <a href={`mailto:${c.email}`}>{c.email}</a>
        </dd>
      </div>
      <div>
        <dt>Phone</dt>
        <dd>{c.phone ? <a href={`tel:${c.phone}`}>{c.phone}</a> : 'None given'}</dd>
      </div>
      {c.status !== 'active' && (
        <div>
          <dt>Account</dt>
          <dd>{c.status === 'suspended' ? 'Suspended' : 'Pending'}</dd>
        </div>
      )}
    </dl>
  );
}

function VehicleFacts({ id }: { id: string }) {
  const vehicle = useVehicle(id);
  if (vehicle.isPending) return <Loading what="Loading the car" />;
  if (vehicle.isError) return <ErrorPanel error={vehicle.error} what="The car" retry={() => void vehicle.refetch()} />;
  const v = vehicle.data;
  return (
    <dl className="facts compact">
      <div>
        <dt>Plate</dt>
        <dd className="plate">{v.plate}</dd>
      </div>
      <div>
        <dt>Car</dt>
        <dd>
          {v.make} {v.model} ({v.year})
        </dd>
      </div>
      <div>
        <dt>VIN</dt>
        <dd className="mono">{v.vin}</dd>
      </div>
      <div>
        <dt>Mileage on record</dt>
        <dd>{formatMileage(v.mileage)}</dd>
      </div>
    </dl>
  );
}

/**
 * The workflow buttons for a booking's status. Completing asks for the mileage; no-show and cancel
 * ask first. A 409 means someone else moved the booking: it says so and the booking refreshes.
 */
export function WorkflowActions({ booking }: { booking: Booking }) {
  const move = useMoveBooking();
  const vehicle = useVehicle(booking.vehicleId);
  const [pending, setPending] = useState<WorkflowAction | null>(null);
  const [mileage, setMileage] = useState('');
  const [mileageError, setMileageError] = useState<string>();
  const [done, setDone] = useState<string>();
  const actions = workflowActions(booking.status);

  const run = (action: WorkflowAction, value?: number) => {
    setDone(undefined);
    move.mutate(
      { id: booking.id, to: action.to, ...(value !== undefined ? { mileage: value } : {}) },
      {
        onSuccess: (moved) => {
          setPending(null);
          setMileage('');
          setDone(`Done: the booking is now “${bookingStatusWords(moved.status)}”.`);
        },
        onError: (error) => {
          if (error instanceof ApiError && error.status === 409) setPending(null);
          const field = error instanceof ApiError ? error.fieldErrors().mileage : undefined;
          if (field) setMileageError(field);
        },
      },
    );
  };

  const start = (action: WorkflowAction) => {
    move.reset();
    setDone(undefined);
    if (action.needsMileage || action.confirm) {
      setPending(action);
      setMileageError(undefined);
    } else run(action);
  };

  const submitMileage = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseMileage(mileage, vehicle.data?.mileage ?? undefined);
    if (!parsed.ok) {
      setMileageError(parsed.message);
      return;
    }
    setMileageError(undefined);
    run(pending!, parsed.value);
  };

  const conflict = move.error instanceof ApiError && move.error.status === 409;
  return (
    <section className="workflow" aria-label="Next steps">
      {done && <Done>{done}</Done>}
      {move.isError && !mileageError && (
        <div role="alert" className="form-error">
          {conflict
            ? `Someone else changed this booking in the meantime, so nothing was done. It now shows its latest state (${describeError(move.error)}).`
            : describeError(move.error)}
        </div>
      )}
      {actions.length === 0 ? (
        <p className="muted">No further steps: this booking is {bookingStatusWords(booking.status).toLowerCase()}.</p>
      ) : pending?.needsMileage ? (
        <form onSubmit={submitMileage} noValidate className="inline-form" aria-label="Complete the booking">
          <Field
            label="Mileage"
            name="mileage"
            inputMode="numeric"
            autoComplete="off"
            autoFocus
            value={mileage}
            onChange={(e) => setMileage(e.target.value)}
            error={mileageError}
            hint={vehicle.data ? `On record: ${formatMileage(vehicle.data.mileage)}` : 'As shown on the odometer'}
          />
          <div className="actions">
            <button type="submit" disabled={move.isPending}>
              {move.isPending ? 'Completing…' : 'Complete booking'}
            </button>
            <button type="button" className="secondary" onClick={() => setPending(null)}>
              Back
            </button>
          </div>
        </form>
      ) : pending?.confirm ? (
        <div className="confirm" role="group" aria-label={pending.label}>
          <p>{pending.confirm}</p>
          <div className="actions">
            <button type="button" className="danger" autoFocus onClick={() => run(pending)} disabled={move.isPending}>
              Yes, {pending.label.toLowerCase()}
            </button>
            <button type="button" className="secondary" onClick={() => setPending(null)}>
              No, keep it
            </button>
          </div>
        </div>
      ) : (
        <div className="actions">
          {actions.map((action) => (
            <button
              key={action.to}
              type="button"
              className={action.primary ? undefined : 'secondary'}
              onClick={() => start(action)}
              disabled={move.isPending}
            >
              {action.label}
            </button>
          ))}
        </div>
      )}
    </section>
  );
}
