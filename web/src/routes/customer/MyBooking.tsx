import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useBooking, useCancelBooking } from '../../api/bookings';
import { useBranch } from '../../api/catalog';
import { ApiError } from '../../api/errors';
import type { Booking, Branch } from '../../api/types';
import { useMyVehicles, vehicleName } from '../../api/vehicles';
import { BranchTime } from '../../components/BranchTime';
import { CostBreakdown } from '../../components/CostBreakdown';
import { PageTitle } from '../../components/PageTitle';
import { ErrorPanel, FormError, Loading } from '../../components/States';
import { PartsBadge, StatusBadge } from '../../components/StatusBadge';

const CANCELLABLE = new Set(['requested', 'confirmed']);

export function Component() {
  const { id } = useParams();
  const booking = useBooking(id);
  const branch = useBranch(booking.data?.branchId);
  if (booking.isPending) return <Loading what="Loading your booking" />;
  if (booking.isError) {
    if (booking.error instanceof ApiError && booking.error.status === 404)
      return (
        <section>
          <PageTitle>Booking not found</PageTitle>
          <p>
            There is no such booking on your account. <Link to="/bookings">See your bookings</Link>.
          </p>
        </section>
      );
    return <ErrorPanel error={booking.error} retry={() => void booking.refetch()} what="Your booking" />;
  }
  if (branch.isPending) return <Loading what="Loading the branch" />;
  return <BookingDetail booking={booking.data} branch={branch.data} />;
}

function BookingDetail({ booking: b, branch }: { booking: Booking; branch?: Branch }) {
  const location = useLocation();
  const justBooked = (location.state as { justBooked?: boolean } | null)?.justBooked === true;
  const vehicles = useMyVehicles();
  const vehicle = vehicles.data?.items.find((v) => v.id === b.vehicleId);
  const zone = branch?.timezone ?? 'UTC';
  const [now] = useState(() => Date.now());
  const started = Date.parse(b.startsAt) <= now;
  const [cancelledNow, setCancelledNow] = useState(false);
  const cancelledRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (cancelledNow) cancelledRef.current?.focus();
  }, [cancelledNow]);
  return (
    <section>
      <PageTitle>{b.quote.lines.map((l) => l.name).join(', ')}</PageTitle>
      {justBooked && b.status !== 'cancelled' && (
        <p role="status" className="notice ok">
          You are booked in. We look forward to seeing you.
        </p>
      )}
      {cancelledNow && (
        <p role="status" className="notice" tabIndex={-1} ref={cancelledRef}>
          Your booking is cancelled. <Link to="/book">Book another time</Link>
        </p>
      )}
      <dl className="facts card">
        <div>
          <dt>Status</dt>
          <dd>
            <StatusBadge status={b.status} />
          </dd>
        </div>
        <div>
          <dt>Parts</dt>
          <dd>
            <PartsBadge status={b.partsStatus} />
          </dd>
        </div>
        <div>
          <dt>When</dt>
          <dd>
            <BranchTime iso={b.startsAt} timeZone={zone} withDate labelled /> until{' '}
            <BranchTime iso={b.endsAt} timeZone={zone} />
          </dd>
        </div>
        <div>
          <dt>Where</dt>
          <dd>{branch ? `${branch.name}, ${branch.address}` : 'Branch details are unavailable'}</dd>
        </div>
        <div>
          <dt>Car</dt>
          <dd>{vehicle ? vehicleName(vehicle) : vehicles.isPending ? 'Loading…' : 'Your car'}</dd>
        </div>
        {b.notes && (
          <div>
            <dt>Your notes</dt>
            <dd>{b.notes}</dd>
          </div>
        )}
      </dl>
      <h2>Price</h2>
      <p className="muted">Fixed when you booked: later price changes do not touch it.</p>
      <CostBreakdown cost={b.quote} caption="Your quote" />
      {CANCELLABLE.has(b.status) && !started && <CancelBooking booking={b} onCancelled={() => setCancelledNow(true)} />}
      {CANCELLABLE.has(b.status) && started && <p>This booking has started. To change it, please call the branch.</p>}
      <p>
        <Link to="/bookings">Back to my bookings</Link>
      </p>
    </section>
  );
}

/** Cancelling takes two steps: ask, then confirm; focus moves to the question and back. */
function CancelBooking({ booking, onCancelled }: { booking: Booking; onCancelled: () => void }) {
  const cancel = useCancelBooking(booking.id);
  const [asking, setAsking] = useState(false);
  const question = useRef<HTMLParagraphElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    if (asking) question.current?.focus();
    else if (wasAsking.current) opener.current?.focus();
    wasAsking.current = asking;
  }, [asking]);
  return (
    <div className="cancel">
      <h2>Cancel</h2>
      {!asking ? (
        <button type="button" className="secondary" ref={opener} onClick={() => setAsking(true)}>
          Cancel this booking
        </button>
      ) : (
        <div className="confirm-box" role="group" aria-labelledby="cancel-question">
          <p id="cancel-question" tabIndex={-1} ref={question}>
            Cancel this booking? The time goes back to other customers.
          </p>
          <FormError error={cancel.error} />
          <div className="actions">
            <button
              type="button"
              className="danger"
              disabled={cancel.isPending}
              onClick={() => cancel.mutate(undefined, { onSuccess: onCancelled })}
            >
              {cancel.isPending ? 'Cancelling…' : 'Yes, cancel it'}
            </button>
            <button type="button" className="secondary" onClick={() => setAsking(false)}>
              Keep my booking
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
