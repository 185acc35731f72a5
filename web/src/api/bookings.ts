import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { unwrap } from './errors';
import type { NewBooking } from './types';

// The signed-in customer's bookings and service history.

export const MY_BOOKINGS_KEY = ['my-bookings'] as const;

export function useMyBookings() {
  return useQuery({
    queryKey: MY_BOOKINGS_KEY,
    queryFn: () => unwrap(api.GET('/api/customer/my-bookings', { params: { query: { limit: 100 } } })),
  });
}

/** The cache keys of single bookings, shared by the customer's pages and the staff console. */
export const BOOKING_KEY = ['booking'] as const;
export const bookingKey = (id: string | undefined) => [...BOOKING_KEY, id] as const;

/** One booking (its owner, staff of its branch or an admin may read it). */
export function useBooking(id: string | undefined) {
  return useQuery({
    queryKey: bookingKey(id),
    queryFn: () => unwrap(api.GET('/api/bookings/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
    // The parts status follows inventory's answer shortly after booking: look again while pending.
    refetchInterval: (query) => (query.state.data?.partsStatus === 'pending' ? 3_000 : false),
  });
}

/**
 * Books a slot. The Idempotency-Key is the caller's, one per confirmation attempt: a double click
 * or a retry of the same attempt answers the first booking instead of making a second.
 */
export function useCreateBooking() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: NewBooking; idempotencyKey: string }) =>
      unwrap(api.POST('/api/bookings', { body, params: { header: { 'Idempotency-Key': idempotencyKey } } })),
    onSuccess: (booking) => {
      client.setQueryData(bookingKey(booking.id), booking);
      void client.invalidateQueries({ queryKey: MY_BOOKINGS_KEY });
      void client.invalidateQueries({ queryKey: ['availability'] });
    },
  });
}

export function useCancelBooking(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/bookings/{id}/cancel', { params: { path: { id } } })),
    onSuccess: (booking) => {
      client.setQueryData(bookingKey(id), booking);
      void client.invalidateQueries({ queryKey: MY_BOOKINGS_KEY });
      void client.invalidateQueries({ queryKey: ['availability'] });
    },
  });
}

export function useMyServiceRecords() {
  return useQuery({
    queryKey: ['my-services'],
    queryFn: () => unwrap(api.GET('/api/customer/my-services', { params: { query: { limit: 100 } } })),
  });
}
