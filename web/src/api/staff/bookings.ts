import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../client';
import { unwrap } from '../errors';
import type { Booking, BookingListItem, BookingListQuery, BookingStatus } from '../types';
import { BOOKING_KEY, bookingKey } from '../bookings';
import { usePaged } from './paging';

export const BOOKINGS_KEY = ['staff-bookings'] as const;

/** Bookings by start time, paged ("Load more"), filtered by branch, status and a [from, to) window. */
export function useBookingList(filter: Omit<BookingListQuery, 'cursor' | 'limit'>, enabled = true) {
  return usePaged<BookingListItem>(
    [...BOOKINGS_KEY, 'list', filter],
    (cursor) =>
      unwrap(api.GET('/api/bookings', { params: { query: { ...filter, limit: 50, ...(cursor ? { cursor } : {}) } } })),
    { enabled },
  );
}

/** Every booking of a branch in a window (the day board): follows the cursor to the end. */
export function useAllBookings(filter: { branchId?: string; from: string; to: string }, enabled = true) {
  return useQuery({
    queryKey: [...BOOKINGS_KEY, 'all', filter],
    enabled,
    queryFn: async () => {
      const items: BookingListItem[] = [];
      let cursor: string | undefined;
      for (let i = 0; i < 20; i++) {
        const page = await unwrap(
          api.GET('/api/bookings', { params: { query: { ...filter, limit: 100, ...(cursor ? { cursor } : {}) } } }),
        );
        items.push(...page.items);
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      return items;
    },
    refetchInterval: 60_000,
  });
}

/** Moves a booking along the workflow (or cancels it); refreshes every list and the dashboard after. */
export function useMoveBooking() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, to, mileage }: { id: string; to: BookingStatus; mileage?: number }): Promise<Booking> =>
      to === 'cancelled'
        ? unwrap(api.POST('/api/bookings/{id}/cancel', { params: { path: { id } } }))
        : unwrap(
            api.PATCH('/api/bookings/{id}/status', {
              params: { path: { id } },
              body: { status: to, ...(mileage !== undefined ? { mileage } : {}) },
            }),
          ),
    onSuccess: (booking) => {
      client.setQueryData(bookingKey(booking.id), booking);
    },
    onSettled: () => {
      void client.invalidateQueries({ queryKey: BOOKINGS_KEY });
      void client.invalidateQueries({ queryKey: BOOKING_KEY });
      void client.invalidateQueries({ queryKey: ['dashboard'] });
      void client.invalidateQueries({ queryKey: ['staff-vehicles'] });
    },
  });
}

/** The work done (completed bookings) on a vehicle. */
export function useServiceRecords(vehicleId: string | undefined) {
  return usePaged(
    ['staff-records', vehicleId],
    (cursor) =>
      unwrap(
        api.GET('/api/services', {
          params: { query: { vehicleId: vehicleId!, limit: 50, ...(cursor ? { cursor } : {}) } },
        }),
      ),
    { enabled: Boolean(vehicleId) },
  );
}
