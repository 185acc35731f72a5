import { Link, useParams } from 'react-router';
import { useBooking } from '../../api/staff/bookings';
import { PageTitle } from '../../components/PageTitle';
import { ErrorPanel, Loading } from '../../components/States';
import { BookingWork } from './BookingWork';

/** One booking: customer, car, services, quote, parts, and its workflow steps. */
export function Component() {
  const { id } = useParams();
  const booking = useBooking(id);
  return (
    <section>
      <p className="crumbs">
        <Link to="/staff/bookings">Bookings</Link>
        {booking.data && (
          <>
            {' · '}
            <Link to={`/staff/board?branch=${booking.data.branchId}&date=${booking.data.startsAt.slice(0, 10)}`}>
              On the day board
            </Link>
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
