import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { useBranches, useCostEstimate, useServiceCatalog, useAvailability } from '../../api/catalog';
import { useCreateBooking } from '../../api/bookings';
import { ApiError } from '../../api/errors';
import { probeService, useNextFreeSlot } from '../../api/next-slot';
import type { Branch, NewBooking, ServiceOffering, Vehicle } from '../../api/types';
import { useMyVehicles, vehicleName } from '../../api/vehicles';
import { BranchTime } from '../../components/BranchTime';
import { CostBreakdown } from '../../components/CostBreakdown';
import { OpeningHours } from '../../components/OpeningHours';
import { PageTitle } from '../../components/PageTitle';
import { useSearchState } from '../../components/useSearchState';
import { ServicePicker } from '../../components/ServicePicker';
import { VehicleBadge } from '../../components/StatusBadge';
import { EmptyState, ErrorPanel, FormError, QueryStates } from '../../components/States';
import { addDays, formatDate, todayIn, zoneLabel } from '../../lib/format';

// Booking in five steps. Every choice lives in the URL (?branch=&vehicle=&services=&date=&slot=&step=),
// so a reload or a sign-in round trip comes back to the same step with the same choices.

const STEPS = [
  { id: 'branch', title: 'Choose a branch' },
  { id: 'car', title: 'Choose your car' },
  { id: 'services', title: 'Choose services' },
  { id: 'time', title: 'Choose a time' },
  { id: 'confirm', title: 'Check and confirm' },
] as const;
type StepId = (typeof STEPS)[number]['id'];

interface Choice {
  branch?: string;
  vehicle?: string;
  services: string[];
  date?: string;
  slot?: string;
}

function readChoice(params: URLSearchParams): Choice {
  return {
    branch: params.get('branch') || undefined,
    vehicle: params.get('vehicle') || undefined,
    services: (params.get('services') ?? '').split(',').filter(Boolean),
    date: params.get('date') || undefined,
    slot: params.get('slot') || undefined,
  };
}

/** The first step whose choice is missing: a step further on cannot be shown yet. */
function furthestStep(c: Choice): number {
  if (!c.branch) return 0;
  if (!c.vehicle) return 1;
  if (!c.services.length) return 2;
  if (!c.date || !c.slot) return 3;
  return 4;
}

export function Component() {
  const [params, setParams] = useSearchState();
  const choice = readChoice(params);
  const asked = STEPS.findIndex((s) => s.id === params.get('step'));
  const reachable = furthestStep(choice);
  const stepIndex = asked >= 0 ? Math.min(asked, reachable) : reachable;
  const step = STEPS[stepIndex];

  const branches = useBranches();
  const branch = branches.data?.items.find((b) => b.id === choice.branch);
  const [slotTaken, setSlotTaken] = useState(false);
  const client = useQueryClient();

  /** Changes some choices (and perhaps the step) in the URL; a later choice that depends on them is dropped. */
  const update = (changes: Partial<Record<keyof Choice | 'step', string | null>>, push = false) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { push });
  };
  const goTo = (id: StepId) => {
    if (id !== 'time') setSlotTaken(false);
    update({ step: id }, true);
  };

  // Focus follows the step: its heading takes focus, so a screen reader starts at the new question.
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    // Back at the times because the chosen one was taken: the notice saying so takes focus instead.
    if (slotTaken && step.id === 'time') return;
    stepHeading.current?.focus();
  }, [step.id, slotTaken]);

  return (
    <section>
      <PageTitle>Book a service</PageTitle>
      <ol className="steps" aria-label="Booking steps">
        {STEPS.map((s, i) => (
          <li key={s.id} aria-current={i === stepIndex ? 'step' : undefined} className={i < stepIndex ? 'done' : ''}>
            {i <= reachable && i !== stepIndex ? (
              <Link to={`?${withStep(params, s.id)}`}>{s.title}</Link>
            ) : (
              <span>{s.title}</span>
            )}
          </li>
        ))}
      </ol>
      <h2 ref={stepHeading} tabIndex={-1} className="step-title">
        Step {stepIndex + 1} of {STEPS.length}: {step.title}
      </h2>
      <QueryStates query={branches} loading="Loading branches" what="The branch list">
        {(data) =>
          step.id === 'branch' ? (
            <BranchStep
              branches={data.items}
              chosen={choice.branch}
              services={choice.services}
              onChoose={(id) => update({ branch: id, date: null, slot: null })}
              onNext={() => goTo('car')}
            />
          ) : !branch ? (
            <ErrorPanel
              error={new ApiError(404, 'That branch is not taking bookings. Please choose another.')}
              retry={() => update({ branch: null, step: 'branch' }, true)}
              what="The branch"
            />
          ) : step.id === 'car' ? (
            <CarStep
              chosen={choice.vehicle}
              onChoose={(id) => update({ vehicle: id })}
              onNext={() => goTo('services')}
              here={`/book?${withStep(params, 'car')}`}
            />
          ) : step.id === 'services' ? (
            <ServicesStep
              branch={branch}
              chosen={choice.services}
              vehicle={choice.vehicle}
              onChoose={(ids) => update({ services: ids.join(',') || null, slot: null })}
              onNext={() => goTo('time')}
            />
          ) : step.id === 'time' ? (
            <TimeStep
              branch={branch}
              services={choice.services}
              date={choice.date}
              slot={choice.slot}
              slotTaken={slotTaken}
              onDate={(date) => update({ date, slot: null })}
              onSlot={(slot) => update({ slot })}
              onNext={() => goTo('confirm')}
            />
          ) : (
            <ConfirmStep
              branch={branch}
              choice={choice as Required<Choice>}
              onChange={goTo}
              onSlotTaken={() => {
                // Forget the free times seen before (the next free one too): what is shown next is fetched fresh.
                void client.resetQueries({ queryKey: ['availability'] });
                setSlotTaken(true);
                update({ slot: null, step: 'time' });
              }}
            />
          )
        }
      </QueryStates>
    </section>
  );
}

function withStep(params: URLSearchParams, step: StepId): string {
  const next = new URLSearchParams(params);
  next.set('step', step);
  return next.toString();
}

function StepActions({ children }: { children: ReactNode }) {
  return <div className="actions step-actions">{children}</div>;
}

// --- 1. branch ---------------------------------------------------------------------------------

function BranchStep({
  branches,
  chosen,
  services,
  onChoose,
  onNext,
}: {
  branches: Branch[];
  chosen?: string;
  services: string[];
  onChoose: (id: string) => void;
  onNext: () => void;
}) {
  const catalog = useServiceCatalog();
  const probe = services.length ? services : [probeService(catalog.data?.items)?.id].filter((x): x is string => !!x);
  if (!branches.length) return <EmptyState title="No branch is taking bookings right now." />;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (chosen) onNext();
      }}
    >
      <fieldset className="choices">
        <legend>Branch</legend>
        <ul className="cards">
          {branches.map((b) => (
            <li key={b.id} className={`card choice-card${b.id === chosen ? ' chosen' : ''}`}>
              <label className="choice">
                <input
                  type="radio"
                  name="branch"
                  value={b.id}
                  checked={b.id === chosen}
                  onChange={() => onChoose(b.id)}
                  aria-describedby={`branch-${b.id}`}
                />
                <span className="choice-name">{b.name}</span>
              </label>
              <div id={`branch-${b.id}`} className="choice-detail">
                <p>{b.address}</p>
                <OpeningHours hours={b.openingHours} zone={`Hours in ${zoneLabel(b.timezone)}`} />
                <NextFree branch={b} serviceIds={probe} />
              </div>
            </li>
          ))}
        </ul>
      </fieldset>
      <StepActions>
        <button type="submit" disabled={!chosen}>
          Continue
        </button>
      </StepActions>
    </form>
  );
}

function NextFree({ branch, serviceIds }: { branch: Branch; serviceIds: string[] }) {
  const next = useNextFreeSlot(branch, serviceIds);
  if (!serviceIds.length || next.isPending) return <p className="muted">Looking for the next free time…</p>;
  if (next.isError) return <p className="muted">The next free time could not be looked up.</p>;
  if (!next.data) return <p>No free time in the next two weeks.</p>;
  return (
    <p>
      Next free: <BranchTime iso={next.data.startsAt} timeZone={branch.timezone} withDate labelled />
    </p>
  );
}

// --- 2. car ------------------------------------------------------------------------------------

function CarStep({
  chosen,
  onChoose,
  onNext,
  here,
}: {
  chosen?: string;
  onChoose: (id: string) => void;
  onNext: () => void;
  here: string;
}) {
  const vehicles = useMyVehicles();
  const addLink = `/vehicles?add=1&next=${encodeURIComponent(here)}`;
  return (
    <QueryStates
      query={vehicles}
      loading="Loading your cars"
      what="Your cars"
      empty={(data) =>
        !data.items.length && (
          <EmptyState title="You have no car on file yet.">
            <p>
              <Link to={addLink}>Add a car</Link> and you will come straight back here.
            </p>
          </EmptyState>
        )
      }
    >
      {(data) => <CarChoice list={data.items} chosen={chosen} onChoose={onChoose} onNext={onNext} addLink={addLink} />}
    </QueryStates>
  );
}

function CarChoice({
  list,
  chosen,
  onChoose,
  onNext,
  addLink,
}: {
  list: Vehicle[];
  chosen?: string;
  onChoose: (id: string) => void;
  onNext: () => void;
  addLink: string;
}) {
  // Only a confirmed car can be booked; one being checked (a VIN claim) is shown, not offered.
  const valid = list.some((v) => v.id === chosen && v.status === 'active');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) onNext();
      }}
    >
      <fieldset className="choices">
        <legend>Car</legend>
        <ul className="plain">
          {list.map((v) => (
            <li key={v.id}>
              <label className="choice">
                <input
                  type="radio"
                  name="vehicle"
                  value={v.id}
                  checked={v.id === chosen}
                  disabled={v.status !== 'active'}
                  onChange={() => onChoose(v.id)}
                />
                <span className="choice-name">{vehicleName(v)}</span>
                <VehicleBadge status={v.status} />
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <p>
        Not listed? <Link to={addLink}>Add another car</Link>.
      </p>
      <StepActions>
        <button type="submit" disabled={!valid}>
          Continue
        </button>
      </StepActions>
    </form>
  );
}

// --- 3. services -------------------------------------------------------------------------------

function ServicesStep({
  branch,
  chosen,
  vehicle,
  onChoose,
  onNext,
}: {
  branch: Branch;
  chosen: string[];
  vehicle?: string;
  onChoose: (ids: string[]) => void;
  onNext: () => void;
}) {
  const catalog = useServiceCatalog(branch.id);
  const known = chosen.filter((id) => catalog.data?.items.some((s) => s.id === id && s.active));
  const cost = useCostEstimate(branch.id, known, vehicle);
  return (
    <QueryStates query={catalog} loading="Loading services" what="The service list">
      {(data) => (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (known.length) onNext();
          }}
        >
          <ServicePicker
            services={data.items}
            chosen={known}
            currency={branch.currency}
            onChange={onChoose}
            legend={`Services at ${branch.name}`}
          />
          <LivePrice branch={branch} serviceIds={known} cost={cost} />
          <StepActions>
            <button type="submit" disabled={!known.length}>
              Continue
            </button>
          </StepActions>
        </form>
      )}
    </QueryStates>
  );
}

/** The cost calculator's answer for the chosen services, announced politely as it changes. */
export function LivePrice({
  branch,
  serviceIds,
  cost,
}: {
  branch: Branch;
  serviceIds: string[];
  cost: ReturnType<typeof useCostEstimate>;
}) {
  return (
    <div aria-live="polite" className="live-price">
      {!serviceIds.length ? (
        <p className="muted">Choose a service to see the price.</p>
      ) : (
        <QueryStates query={cost} loading="Working out the price" what="The price">
          {(data) => (
            <CostBreakdown
              cost={data}
              caption={`Price at ${branch.name}${cost.isPlaceholderData ? ' (updating…)' : ''}`}
              taxRate={branch.taxRatePercent}
            />
          )}
        </QueryStates>
      )}
    </div>
  );
}

// --- 4. time -----------------------------------------------------------------------------------

function TimeStep({
  branch,
  services,
  date,
  slot,
  slotTaken,
  onDate,
  onSlot,
  onNext,
}: {
  branch: Branch;
  services: string[];
  date?: string;
  slot?: string;
  slotTaken: boolean;
  onDate: (date: string) => void;
  onSlot: (slot: string) => void;
  onNext: () => void;
}) {
  const today = todayIn(branch.timezone);
  // The branch takes no booking further ahead (availability offers nothing beyond it).
  const lastDay = addDays(today, branch.bookingHorizonDays);
  const beyond = Boolean(date && date > lastDay);
  const next = useNextFreeSlot(branch, services);
  const availability = useAvailability(branch.id, services, date);
  const zone = zoneLabel(branch.timezone, date ? new Date(`${date}T12:00:00Z`) : new Date());
  const notice = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (slotTaken) notice.current?.focus();
  }, [slotTaken]);
  const slots = availability.data?.slots ?? [];
  const valid = Boolean(slot && slots.some((s) => s.startsAt === slot));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) onNext();
      }}
    >
      {slotTaken && (
        <p role="alert" className="notice warn" tabIndex={-1} ref={notice}>
          Sorry, someone else has just booked that time. Please pick another: these times are free now.
        </p>
      )}
      <p>
        Times are shown in the branch&rsquo;s own time zone: <strong>{zone}</strong>.
        {next.data && (
          <>
            {' '}
            The next free time is <BranchTime iso={next.data.startsAt} timeZone={branch.timezone} withDate />.{' '}
            {next.data.date !== date && (
              <button type="button" className="link" onClick={() => onDate(next.data!.date)}>
                Show that day
              </button>
            )}
          </>
        )}
      </p>
      <div className="field">
        <label htmlFor="book-date">Date</label>
        <input
          id="book-date"
          type="date"
          min={today}
          max={lastDay}
          value={date ?? ''}
          onChange={(e) => e.target.value && onDate(e.target.value)}
        />
      </div>
      {!date ? (
        <p className="muted">Choose a date to see the free times.</p>
      ) : beyond ? (
        <EmptyState title={`${branch.name} takes bookings up to ${branch.bookingHorizonDays} days ahead.`}>
          <p>Choose a date until {formatDate(`${lastDay}T12:00:00Z`, 'UTC')}.</p>
        </EmptyState>
      ) : (
        <QueryStates
          query={availability}
          loading="Looking for free times"
          what="Free times"
          empty={
            !slots.length && (
              <EmptyState title={`No free times on ${formatDate(`${date}T12:00:00Z`, 'UTC')}.`}>
                <button type="button" className="secondary" onClick={() => onDate(addDays(date, 1))}>
                  Try the next day
                </button>
              </EmptyState>
            )
          }
        >
          <fieldset className="choices">
            <legend>
              Free times on {formatDate(`${date}T12:00:00Z`, 'UTC')} ({zone})
            </legend>
            <ul className="slots">
              {slots.map((s) => (
                <li key={s.startsAt}>
                  <label className="slot">
                    <input
                      type="radio"
                      name="slot"
                      value={s.startsAt}
                      checked={s.startsAt === slot}
                      onChange={() => onSlot(s.startsAt)}
                    />
                    <BranchTime iso={s.startsAt} timeZone={branch.timezone} />
                  </label>
                </li>
              ))}
            </ul>
            {availability.isFetching && <p className="muted">Checking for changes…</p>}
          </fieldset>
        </QueryStates>
      )}
      <StepActions>
        <button type="submit" disabled={!valid}>
          Continue
        </button>
      </StepActions>
    </form>
  );
}

// --- 5. confirm --------------------------------------------------------------------------------

/** A fresh Idempotency-Key (crypto.randomUUID where the page is a secure context, random bytes otherwise). */
function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function ConfirmStep({
  branch,
  choice,
  onChange,
  onSlotTaken,
}: {
  branch: Branch;
  choice: Required<Choice>;
  onChange: (step: StepId) => void;
  onSlotTaken: () => void;
}) {
  const navigate = useNavigate();
  const vehicles = useMyVehicles();
  const catalog = useServiceCatalog(branch.id);
  const cost = useCostEstimate(branch.id, choice.services, choice.vehicle);
  const book = useCreateBooking();
  const [notes, setNotes] = useState('');
  // One key per confirmation attempt: the same attempt (a double click, a retry after a lost
  // answer) reuses it; changed choices or a new attempt after a refusal get a new one.
  const attempt = useRef<{ signature: string; key: string } | null>(null);
  const vehicle: Vehicle | undefined = vehicles.data?.items.find((v) => v.id === choice.vehicle);
  const services: ServiceOffering[] = catalog.data?.items.filter((s) => choice.services.includes(s.id)) ?? [];
  const errorRef = useRef<HTMLDivElement>(null);

  const confirm = () => {
    const body: NewBooking = {
      branchId: branch.id,
      vehicleId: choice.vehicle,
      serviceIds: choice.services,
      startsAt: choice.slot,
      ...(notes.trim() ? { notes: notes.trim() } : {}),
    };
    const signature = JSON.stringify(body);
    if (!attempt.current || attempt.current.signature !== signature) attempt.current = { signature, key: newKey() };
    book.mutate(
      { body, idempotencyKey: attempt.current.key },
      {
        onSuccess: (booking) => void navigate(`/bookings/${booking.id}`, { state: { justBooked: true } }),
        onError: (error) => {
          if (isSlotTaken(error)) {
            attempt.current = null;
            onSlotTaken();
          } else {
            if (error instanceof ApiError && error.status >= 400 && error.status < 500) attempt.current = null;
            requestAnimationFrame(() => errorRef.current?.focus());
          }
        },
      },
    );
  };

  return (
    <div className="confirm">
      <dl className="summary">
        <div>
          <dt>Branch</dt>
          <dd>
            {branch.name}, {branch.address}{' '}
            <button type="button" className="link" onClick={() => onChange('branch')} aria-label="Change branch">
              Change
            </button>
          </dd>
        </div>
        <div>
          <dt>Car</dt>
          <dd>
            {vehicle ? vehicleName(vehicle) : vehicles.isPending ? 'Loading…' : 'Not found: please choose again'}{' '}
            <button type="button" className="link" onClick={() => onChange('car')} aria-label="Change car">
              Change
            </button>
          </dd>
        </div>
        <div>
          <dt>Services</dt>
          <dd>
            {services.map((s) => s.name).join(', ') || 'Loading…'}{' '}
            <button type="button" className="link" onClick={() => onChange('services')} aria-label="Change services">
              Change
            </button>
          </dd>
        </div>
        <div>
          <dt>Time</dt>
          <dd>
            <BranchTime iso={choice.slot} timeZone={branch.timezone} withDate labelled />{' '}
            <button type="button" className="link" onClick={() => onChange('time')} aria-label="Change time">
              Change
            </button>
          </dd>
        </div>
      </dl>
      <LivePrice branch={branch} serviceIds={choice.services} cost={cost} />
      <p className="muted">This price is fixed when you confirm: later price changes do not touch your booking.</p>
      <div className="field">
        <label htmlFor="book-notes">Anything we should know? (optional)</label>
        <textarea id="book-notes" rows={3} maxLength={2000} value={notes} onChange={(e) => setNotes(e.target.value)} />
      </div>
      <div ref={errorRef} tabIndex={-1}>
        <FormError error={isSlotTaken(book.error) ? null : book.error} />
      </div>
      <StepActions>
        <button type="button" onClick={confirm} disabled={book.isPending || !vehicle}>
          {book.isPending ? 'Booking…' : 'Confirm booking'}
        </button>
      </StepActions>
    </div>
  );
}

/**
 * The 409 that names startsAt: someone took the time meanwhile, so fresh times are offered. Other
 * 409s (the car already booked then, too many upcoming bookings) are said as the server says them.
 */
function isSlotTaken(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409 && Boolean(error.fieldErrors().startsAt);
}
