import { formatDateTime, formatTime, zoneLabel } from '../lib/format';

/** A time in the branch's own zone. `labelled` adds the zone ("London time (GMT)") for a lone time. */
export function BranchTime({
  iso,
  timeZone,
  withDate = false,
  labelled = false,
}: {
  iso: string;
  timeZone: string;
  withDate?: boolean;
  labelled?: boolean;
}) {
  const text = withDate ? formatDateTime(iso, timeZone) : formatTime(iso, timeZone);
  return (
    <time dateTime={iso}>
      {text}
      {labelled && <span className="zone"> {zoneLabel(timeZone, new Date(iso))}</span>}
    </time>
  );
}
