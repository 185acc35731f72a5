// Pure rules, no Node code: the contracts and the web app (as you type) apply the same ones.

/** How many days ahead a branch takes bookings when none is given, and the longest it may. */
export const DEFAULT_BOOKING_HORIZON_DAYS = 90;
export const MAX_BOOKING_HORIZON_DAYS = 365;
