import { bookingStatusWords, partsStatusWords, vehicleStatusWords } from '../lib/words';

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge badge-${status}`}>{bookingStatusWords(status)}</span>;
}

export function PartsBadge({ status }: { status: string }) {
  return <span className={`badge parts-${status}`}>{partsStatusWords(status)}</span>;
}

/** A car's standing; nothing for a confirmed one (most cars). */
export function VehicleBadge({ status }: { status: string }) {
  if (status === 'active') return null;
  return <span className={`badge vehicle-${status}`}>{vehicleStatusWords(status)}</span>;
}
