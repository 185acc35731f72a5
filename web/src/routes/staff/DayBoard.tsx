import { useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useBooking } from '../../api/bookings';
import { useAllBookings } from '../../api/staff/bookings';
import { useTechnicians } from '../../api/staff/technicians';
import { useVehiclesById } from '../../api/staff/vehicles';
import type { BookingListItem, Vehicle } from '../../api/types';
import { Field } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import { EmptyState, ErrorPanel, Loading } from '../../components/States';
import { PartsBadge, StatusBadge } from '../../components/StatusBadge';
import { dayWindow, fromMinutes, layoutDayBoard, zonedInstant, type BoardBlock } from '../../lib/day-board';
import { addDays, formatDate, formatTime, todayIn, zoneLabel } from '../../lib/format';
import { BookingWork } from './BookingWork';
import { BranchSelect, useMyBranches } from './console';

const PX_PER_MINUTE = 1.1;
const HIDDEN_BY_DEFAULT = new Set(['cancelled', 'no_show']);

/**
 * The service desk's home: one branch, one day, a column per technician (or bay), the hours down
 * the side in the branch's own zone, and the bookings as blocks that open into the job.
 */
export function Component() {
  const [params, setParams] = useSearchParams();
  const branches = useMyBranches();
  const branchId = params.get('branch') || branches.mine[0]?.id || '';
  // Only a branch the user works at (an admin: any); the server would refuse another anyway.
  const branch = branches.mine.find((b) => b.id === branchId);
  const zone = branch?.timezone ?? 'UTC';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(params.get('date') ?? '') ? params.get('date')! : todayIn(zone);
  const by = params.get('view') === 'bay' ? 'bay' : 'technician';
  const showAll = params.get('all') === '1';

  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    if (!next.get('branch') && branchId) next.set('branch', branchId);
    if (!next.get('date')) next.set('date', date);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === '') next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: true });
  };

  const span = branch ? dayWindow(date, zone) : undefined;
  const bookings = useAllBookings({ branchId, from: span?.from ?? '', to: span?.to ?? '' }, Boolean(branch && span));
  const technicians = useTechnicians(branchId || undefined);

  const visible = useMemo(
    () => (bookings.data ?? []).filter((b) => showAll || !HIDDEN_BY_DEFAULT.has(b.status)),
    [bookings.data, showAll],
  );
  const hiddenCount = (bookings.data?.length ?? 0) - visible.length;
  // The cars of the whole day in one request, not one per block.
  const vehicles = useVehiclesById(visible.map((b) => b.vehicleId));
  const layout = useMemo(
    () =>
      branch && technicians.data
        ? layoutDayBoard({
            bookings: visible,
            date,
            timeZone: zone,
            openingHours: branch.openingHours,
            by,
            technicians: technicians.data,
            bays: branch.bays,
          })
        : undefined,
    [branch, technicians.data, visible, date, zone, by],
  );

  const [openId, setOpenId] = useState<string | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const open = (id: string, from: HTMLElement) => {
    opener.current = from;
    setOpenId(id);
  };
  const openBooking = (bookings.data ?? []).find((b) => b.id === openId);

  const noon = zonedInstant(date, 12 * 60, zone);
  const dayName = formatDate(noon.toISOString(), zone);

  return (
    <section className="day-board">
      <PageTitle>Day board</PageTitle>
      <div className="toolbar" role="group" aria-label="Board settings">
        {branches.isError ? (
          <ErrorPanel error={branches.error} what="Branches" retry={() => void branches.refetch()} />
        ) : (
          <BranchSelect branches={branches.mine} value={branchId} onChange={(id) => set({ branch: id })} />
        )}
        <Field
          label="Date"
          type="date"
          name="date"
          value={date}
          onChange={(e) => e.target.value && set({ date: e.target.value })}
        />
        <div className="actions day-steps">
          <button type="button" className="secondary" onClick={() => set({ date: addDays(date, -1) })}>
            Previous day
          </button>
          <button type="button" className="secondary" onClick={() => set({ date: todayIn(zone) })}>
            Today
          </button>
          <button type="button" className="secondary" onClick={() => set({ date: addDays(date, 1) })}>
            Next day
          </button>
        </div>
        <fieldset className="toggle">
          <legend>Columns</legend>
          <label>
            <input type="radio" name="view" checked={by === 'technician'} onChange={() => set({ view: null })} />{' '}
            Technicians
          </label>
          <label>
            <input type="radio" name="view" checked={by === 'bay'} onChange={() => set({ view: 'bay' })} /> Bays
          </label>
        </fieldset>
        <label className="check">
          <input type="checkbox" checked={showAll} onChange={(e) => set({ all: e.target.checked ? '1' : null })} /> Show
          cancelled and no-shows
        </label>
      </div>

      {branches.isPending ? (
        <Loading what="Loading branches" />
      ) : !branch ? (
        <EmptyState title={branchId ? 'That branch is not one of yours' : 'You are not assigned to a branch yet'}>
          <p>Choose one of your branches above, or ask an admin to add you to a branch.</p>
        </EmptyState>
      ) : (
        <>
          <p className="board-caption">
            <strong>
              {branch.name} · {dayName}
            </strong>{' '}
            · Times in {zoneLabel(zone, noon)} ·{' '}
            {layout?.opening
              ? `Open ${fromMinutes(layout.opening.open)}–${fromMinutes(layout.opening.close)}`
              : 'Closed on this day'}
            {bookings.data &&
              ` · ${visible.length} booking${visible.length === 1 ? '' : 's'}${hiddenCount ? ` (${hiddenCount} cancelled or no-show hidden)` : ''}`}
          </p>
          {bookings.isError ? (
            <ErrorPanel error={bookings.error} what="Bookings" retry={() => void bookings.refetch()} />
          ) : technicians.isError ? (
            <ErrorPanel error={technicians.error} what="Technicians" retry={() => void technicians.refetch()} />
          ) : bookings.isPending || !layout ? (
            <Loading what="Loading the board" />
          ) : layout.columns.length === 0 ? (
            <EmptyState title="No technicians at this branch">
              <p>
                Add technicians on the <Link to="/staff/technicians">Technicians</Link> page, or look at the bays.
              </p>
            </EmptyState>
          ) : (
            <>
              {visible.length === 0 && <p className="notice">No bookings on this day.</p>}
              <Board
                layout={layout}
                vehicles={vehicles.data}
                zone={zone}
                label={`Bookings at ${branch.name} on ${dayName}`}
                onOpen={open}
              />
            </>
          )}
        </>
      )}

      {openId && (
        <BookingDialog
          id={openId}
          initial={openBooking}
          zone={zone}
          onClose={() => {
            setOpenId(null);
            opener.current?.focus();
          }}
        />
      )}
    </section>
  );
}

function Board({
  layout,
  vehicles,
  zone,
  label,
  onOpen,
}: {
  layout: NonNullable<ReturnType<typeof layoutDayBoard<BookingListItem>>>;
  vehicles: Map<string, Vehicle> | undefined;
  zone: string;
  label: string;
  onOpen: (id: string, from: HTMLElement) => void;
}) {
  const height = (layout.end - layout.start) * PX_PER_MINUTE;
  const rowStyle = { '--hour': `${60 * PX_PER_MINUTE}px` } as CSSProperties;
  return (
    <div className="board-scroll" role="region" aria-label={label} tabIndex={0}>
      <div className="board" style={rowStyle}>
        <div className="board-times" aria-hidden="true">
          <div className="board-head" />
          <div className="board-body" style={{ height }}>
            {layout.hours.map((m) => (
              <span key={m} className="hour-label" style={{ top: (m - layout.start) * PX_PER_MINUTE }}>
                {fromMinutes(m)}
              </span>
            ))}
          </div>
        </div>
        {layout.columns.map((column) => (
          <section
            key={column.key}
            className={column.inactive ? 'board-col inactive' : 'board-col'}
            aria-label={column.label}
          >
            <h2 className="board-head">{column.label}</h2>
            <ul className="board-body" style={{ height }}>
              {layout.opening && (
                <li
                  aria-hidden="true"
                  className="open-band"
                  style={{
                    top: (layout.opening.open - layout.start) * PX_PER_MINUTE,
                    height: (layout.opening.close - layout.opening.open) * PX_PER_MINUTE,
                  }}
                />
              )}
              {column.blocks.map((block) => (
                <Block
                  key={block.booking.id}
                  block={block}
                  vehicle={vehicles?.get(block.booking.vehicleId)}
                  start={layout.start}
                  zone={zone}
                  onOpen={onOpen}
                />
              ))}
            </ul>
            {column.blocks.length === 0 && <p className="visually-hidden">No bookings</p>}
          </section>
        ))}
      </div>
    </div>
  );
}

function Block({
  block,
  vehicle,
  start,
  zone,
  onOpen,
}: {
  block: BoardBlock<BookingListItem>;
  vehicle: Vehicle | undefined;
  start: number;
  zone: string;
  onOpen: (id: string, from: HTMLElement) => void;
}) {
  const b = block.booking;
  const style: CSSProperties = {
    top: (block.start - start) * PX_PER_MINUTE,
    height: Math.max(28, (block.end - block.start) * PX_PER_MINUTE - 2),
    left: `${(block.lane / block.lanes) * 100}%`,
    width: `${100 / block.lanes}%`,
  };
  return (
    <li className="block-slot" style={style}>
      <button
        type="button"
        className={`block block-${b.status}`}
        onClick={(e) => onOpen(b.id, e.currentTarget)}
        aria-haspopup="dialog"
      >
        <span className="block-time">
          {formatTime(b.startsAt, zone)}–{formatTime(b.endsAt, zone)}
        </span>{' '}
        <span className="block-car">{vehicle ? `${vehicle.plate} · ${vehicle.make} ${vehicle.model}` : ''}</span>{' '}
        <span className="block-services">{b.quote.lines.map((l) => l.name).join(', ')}</span>{' '}
        <StatusBadge status={b.status} />
        {b.partsStatus === 'awaiting_parts' && (
          <>
            {' '}
            <PartsBadge status={b.partsStatus} />
          </>
        )}
      </button>
    </li>
  );
}

/** The booking in a modal dialog: focus moves in (the close button), Escape closes, focus goes back to its block. */
function BookingDialog({
  id,
  initial,
  zone,
  onClose,
}: {
  id: string;
  initial: BookingListItem | undefined;
  zone: string;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const booking = useBooking(id);
  const data = booking.data ?? initial;
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    const closed = () => onClose();
    dialog.addEventListener('close', closed);
    return () => dialog.removeEventListener('close', closed);
  }, [onClose]);
  const title = data ? `Booking at ${formatTime(data.startsAt, zone)}` : 'Booking';
  return (
    <dialog ref={ref} className="panel-dialog" aria-labelledby="booking-dialog-title">
      <div className="dialog-head">
        <h2 id="booking-dialog-title">{title}</h2>
        <button type="button" className="secondary" onClick={() => ref.current?.close()} autoFocus>
          Close
        </button>
      </div>
      {booking.isError && !data ? (
        <ErrorPanel error={booking.error} what="The booking" retry={() => void booking.refetch()} />
      ) : !data ? (
        <Loading what="Loading the booking" />
      ) : (
        <>
          <BookingWork booking={data} headingLevel={3} />
          <p>
            <Link to={`/staff/bookings/${data.id}`}>Open the booking page</Link>
          </p>
        </>
      )}
    </dialog>
  );
}
