import { answerWith, calls, json, problem, type Call } from './testing/fetch-stub';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderAt } from './testing/render';
import { Component as Book } from './Book';

const BRANCH = '00000000-0000-4000-8000-0000000000b1';
const CAR = '00000000-0000-4000-8000-0000000000c1';
const OIL = '00000000-0000-4000-8000-0000000000d1';
const CLAIMED = '00000000-0000-4000-8000-0000000000c2';
const week = { open: '08:00', close: '18:00' };
const branch = {
  id: BRANCH,
  name: 'Downtown Garage',
  address: '120 Main Street',
  timezone: 'America/Chicago',
  openingHours: {
    monday: week,
    tuesday: week,
    wednesday: week,
    thursday: week,
    friday: week,
    saturday: null,
    sunday: null,
  },
  bays: 2,
  laborRateCents: 12000,
  taxRatePercent: 8.25,
  bookingHorizonDays: 90,
  active: true,
  currency: 'USD',
};
const cost = {
  lines: [{ serviceId: OIL, name: 'Oil and filter change', laborCents: 6000, partsCents: 5530, totalCents: 11530 }],
  laborCents: 6000,
  partsCents: 5530,
  subtotalCents: 11530,
  taxCents: 951,
  totalCents: 12481,
  currency: 'USD',
};

function api(book: (call: Call) => Response = () => problem(503, 'The bookings service is unavailable')) {
  answerWith((call) => {
    if (call.path === '/api/branches') return json(200, { items: [branch], nextCursor: null });
    if (call.path === '/api/customer/my-vehicles')
      return json(200, {
        items: [
          {
            id: CAR,
            customerId: CAR,
            vin: '1HGCM82633A004352',
            plate: 'AB1',
            make: 'Honda',
            model: 'Jazz',
            year: 2018,
            mileage: 1,
            status: 'active',
            createdAt: '',
          },
          {
            id: CLAIMED,
            customerId: CAR,
            vin: '5YJ3E1EA7KF317000',
            plate: 'CL41M',
            make: 'Tesla',
            model: 'Model 3',
            year: 2021,
            mileage: null,
            status: 'claim_pending',
            createdAt: '',
          },
        ],
        nextCursor: null,
      });
    if (call.path === '/api/service-catalog')
      return json(200, {
        items: [
          {
            id: OIL,
            code: 'OIL',
            name: 'Oil and filter change',
            description: '',
            category: 'Oil',
            durationMinutes: 45,
            laborHours: 0.5,
            priceCents: 11530,
            parts: [],
            active: true,
          },
        ],
        nextCursor: null,
      });
    if (call.path === '/api/cost-calculator') return json(200, cost);
    if (call.path === '/api/availability/next')
      return json(200, {
        branchId: BRANCH,
        durationMinutes: 45,
        from: '2026-06-30',
        until: '2026-07-13',
        slot: {
          date: '2026-07-01',
          startsAt: '2026-07-01T13:00:00.000Z',
          endsAt: '2026-07-01T13:45:00.000Z',
          technicianIds: [],
        },
      });
    if (call.path === '/api/availability')
      return json(200, {
        branchId: BRANCH,
        date: call.query.get('date'),
        durationMinutes: 45,
        slots:
          call.query.get('date') === '2026-07-01'
            ? [
                { startsAt: '2026-07-01T13:00:00.000Z', endsAt: '2026-07-01T13:45:00.000Z', technicianIds: [] },
                { startsAt: '2026-07-01T14:30:00.000Z', endsAt: '2026-07-01T15:15:00.000Z', technicianIds: [] },
              ]
            : [],
      });
    if (call.path === '/api/bookings') return book(call);
    return undefined;
  });
}

/** The last step for the 14:30 UTC slot, ready; `confirm` presses its button. */
async function atConfirmStep() {
  const rendered = renderAt(
    <Book />,
    `/book?branch=${BRANCH}&vehicle=${CAR}&services=${OIL}&date=2026-07-01&slot=2026-07-01T14:30:00.000Z&step=confirm`,
    '/book',
  );
  const button = await screen.findByRole('button', { name: 'Confirm booking' });
  await waitFor(() => expect(button).toBeEnabled());
  return { ...rendered, confirm: () => userEvent.setup().click(button) };
}

describe('booking', () => {
  it('shows the free times in the branch’s own zone, and says which zone', async () => {
    api();
    renderAt(<Book />, `/book?branch=${BRANCH}&vehicle=${CAR}&services=${OIL}&date=2026-07-01&step=time`, '/book');
    const group = await screen.findByRole('group', { name: /Free times on .*2026 \(Chicago time \(CDT\)\)/ });
    // 13:00 and 14:30 UTC are 08:00 and 09:30 in Chicago in July, wherever the browser is.
    expect(within(group).getByRole('radio', { name: /08:00/ })).toBeInTheDocument();
    expect(within(group).getByRole('radio', { name: /09:30/ })).toBeInTheDocument();
    expect(screen.getByText(/Times are shown in the branch’s own time zone/)).toHaveTextContent('Chicago time (CDT)');
    // The next free time (one request for the fortnight), in the same zone; it is on the day shown.
    expect(await screen.findByText(/The next free time is/)).toHaveTextContent(/Jul 1.*08:00/);
    expect(screen.queryByRole('button', { name: 'Show that day' })).not.toBeInTheDocument();
    expect(calls.filter((c) => c.path === '/api/availability/next')).toHaveLength(1);
  });

  it('a date beyond the branch’s booking horizon says how far ahead it books, and the date field stops there', async () => {
    api();
    renderAt(<Book />, `/book?branch=${BRANCH}&vehicle=${CAR}&services=${OIL}&date=2099-01-01&step=time`, '/book');
    expect(await screen.findByText('Downtown Garage takes bookings up to 90 days ahead.')).toBeInTheDocument();
    expect(screen.getByLabelText('Date')).toHaveAttribute('max', expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/));
    expect(screen.queryByRole('group', { name: /Free times/ })).not.toBeInTheDocument();
  });

  it('offers only confirmed cars: one being checked (a VIN claim) is shown, marked, and cannot be chosen', async () => {
    api();
    renderAt(<Book />, `/book?branch=${BRANCH}&vehicle=${CLAIMED}&step=car`, '/book');
    const claimed = await screen.findByRole('radio', { name: /Tesla Model 3/ });
    expect(claimed).toBeDisabled();
    expect(screen.getByText('Being checked')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: /Honda Jazz/ })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Continue' })).toBeDisabled();
  });

  it('offers to show the day of the next free time when another day is chosen', async () => {
    api();
    const { router } = renderAt(
      <Book />,
      `/book?branch=${BRANCH}&vehicle=${CAR}&services=${OIL}&date=2026-07-03&step=time`,
      '/book',
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Show that day' }));
    await waitFor(() => expect(router.state.location.search).toContain('date=2026-07-01'));
    expect(await screen.findByRole('radio', { name: /08:00/ })).toBeInTheDocument();
  });

  it('keeps one Idempotency-Key per confirmation: a retry after a failure sends the same key', async () => {
    let answers = 0;
    api(() => (++answers === 1 ? problem(503, 'The bookings service is unavailable') : problem(500, 'Boom')));
    renderAt(
      <Book />,
      `/book?branch=${BRANCH}&vehicle=${CAR}&services=${OIL}&date=2026-07-01&slot=2026-07-01T14:30:00.000Z&step=confirm`,
      '/book',
    );
    const user = userEvent.setup();
    const confirm = await screen.findByRole('button', { name: 'Confirm booking' });
    await waitFor(() => expect(confirm).toBeEnabled());
    await user.click(confirm);
    expect(await screen.findByRole('alert')).toHaveTextContent('The bookings service is unavailable');
    await user.click(screen.getByRole('button', { name: 'Confirm booking' }));
    await waitFor(() => expect(answers).toBe(2));
    const posts = calls.filter((c) => c.path === '/api/bookings');
    const key = posts[0].headers.get('idempotency-key');
    expect(key).toMatch(/^[0-9a-f-]{32,36}$/);
    expect(posts[1].headers.get('idempotency-key')).toBe(key);
    expect(posts[0].body).toEqual({
      branchId: BRANCH,
      vehicleId: CAR,
      serviceIds: [OIL],
      startsAt: '2026-07-01T14:30:00.000Z',
    });
  });

  it('a slot taken meanwhile (409) says so plainly and goes back to fresh times', async () => {
    api(() =>
      problem(409, 'That time is no longer free; pick another slot', [
        { field: 'startsAt', message: 'no longer free' },
      ]),
    );
    const { router, confirm } = await atConfirmStep();
    const before = calls.filter((c) => c.path === '/api/availability').length;
    await confirm();
    const notice = await screen.findByRole('alert');
    expect(notice).toHaveTextContent('someone else has just booked that time');
    await waitFor(() => expect(notice).toHaveFocus());
    expect(router.state.location.search).not.toContain('slot=');
    await screen.findByRole('group', { name: /Free times on/ });
    expect(calls.filter((c) => c.path === '/api/availability').length).toBeGreaterThan(before);
  });

  it.each([
    [
      'the car already booked then',
      problem(409, 'This car already has a booking at an overlapping time; pick another time or change that booking', [
        { field: 'vehicleId', message: 'already booked at an overlapping time' },
      ]),
      'This car already has a booking at an overlapping time',
    ],
    [
      'too many upcoming bookings',
      problem(409, 'You already have 5 upcoming bookings, the most an account can hold online; cancel one'),
      'You already have 5 upcoming bookings',
    ],
  ])(
    'a 409 for %s is said as the server says it, on the same step, not as a slot taken',
    async (_why, answer, said) => {
      api(() => answer);
      const { router, confirm } = await atConfirmStep();
      await confirm();
      expect(await screen.findByRole('alert')).toHaveTextContent(said);
      expect(screen.queryByText(/someone else has just booked that time/)).not.toBeInTheDocument();
      expect(router.state.location.search).toContain('step=confirm');
    },
  );

  it('after a 409 asks for the next free time again: the one shown before may be the time just taken', async () => {
    api(() =>
      problem(409, 'That time is no longer free; pick another slot', [
        { field: 'startsAt', message: 'no longer free' },
      ]),
    );
    const { router } = renderAt(
      <Book />,
      `/book?branch=${BRANCH}&vehicle=${CAR}&services=${OIL}&date=2026-07-01&slot=2026-07-01T13:00:00.000Z&step=time`,
      '/book',
    );
    const user = userEvent.setup();
    await screen.findByText(/The next free time is/);
    const asked = () => calls.filter((c) => c.path === '/api/availability/next').length;
    expect(asked()).toBe(1);
    // On to the last step (the fixture's date is past, so the date field would block the form's own submit).
    await router.navigate(`/book?${router.state.location.search.slice(1).replace('step=time', 'step=confirm')}`);
    const confirm = await screen.findByRole('button', { name: 'Confirm booking' });
    await waitFor(() => expect(confirm).toBeEnabled());
    await user.click(confirm);
    await screen.findByRole('alert');
    await waitFor(() => expect(asked()).toBe(2));
  });
});
