/** Settings the booking rules read (from the service's config). */
export class BookingSettings {
  constructor(readonly slotMinutes: number) {}
}
