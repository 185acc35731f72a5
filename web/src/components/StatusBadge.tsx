import { bookingStatusWords, partsStatusWords } from '../lib/words';

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge badge-${status}`}>{bookingStatusWords(status)}</span>;
}

export function PartsBadge({ status }: { status: string }) {
  return <span className={`badge parts-${status}`}>{partsStatusWords(status)}</span>;
}
