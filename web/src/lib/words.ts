// Plain words for states: what a customer or a service desk would say.

export const BOOKING_STATUS_WORDS: Record<string, string> = {
  requested: 'Requested',
  confirmed: 'Confirmed',
  checked_in: 'Checked in',
  in_progress: 'Being worked on',
  completed: 'Ready to collect',
  cancelled: 'Cancelled',
  no_show: 'Missed',
};

export const PARTS_STATUS_WORDS: Record<string, string> = {
  pending: 'Checking the parts',
  reserved: 'Parts set aside',
  awaiting_parts: 'We are waiting for a part',
  released: 'Parts released',
  consumed: 'Parts fitted',
};

export function bookingStatusWords(status: string): string {
  return BOOKING_STATUS_WORDS[status] ?? status;
}

export function partsStatusWords(status: string): string {
  return PARTS_STATUS_WORDS[status] ?? status;
}
