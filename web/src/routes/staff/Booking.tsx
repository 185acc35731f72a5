import { Link, useParams } from 'react-router';
import { useBranch } from '../../api/catalog';
import { useBooking } from '../../api/bookings';
import { PageTitle } from '../../components/PageTitle';
import { ErrorPanel, Loading } from '../../components/States';
import { wallClock } from '../../lib/day-board';
import { BookingWork } from './BookingWork';

/** One booking: customer, car, services, quote, parts, and its workflow steps. */
export function Component() {
  const { id } = useParams();
  const booking = useBooking(id);
  const branch = useBranch(booking.data?.branchId);
  // The board's day is the booking's date on the branch's own clock.
  const day = booking.data && branch.data ? wallClock(booking.data.startsAt, branch.data.timezone).date : undefined;
  return (
    <section>
      <p className="crumbs">
        <Link to="/staff/bookings">Bookings</Link>
        {booking.data && day && (
          <>
            {' · '}
            <Link to={`/staff/board?branch=${booking.data.branchId}&date=${day}`}>On the day board</Link>
          </>
        )}
      </p>
      <PageTitle>Booking</PageTitle>
      {booking.isPending ? (
        <Loading what="Loading the booking" />
      ) : booking.isError ? (
        <ErrorPanel error={booking.error} what="The booking" retry={() => void booking.refetch()} />
      ) : (
        <BookingWork booking={booking.data} />
      )}
    </section>
  );
}
