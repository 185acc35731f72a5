import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import type { Booking } from '../../api/types';

// openapi-fetch keeps the fetch it finds when the client is made: stub it before any import runs.
// Node's Request wants absolute URLs; the app's are same-origin paths, so resolve them here.
const fetchMock = vi.hoisted(() => {
  const mock = vi.fn<(input: Request) => Promise<Response>>();
  globalThis.fetch = mock as unknown as typeof fetch;
  const NodeRequest = globalThis.Request;
  globalThis.Request = class extends NodeRequest {
    constructor(input: RequestInfo | URL, init?: RequestInit) {
      super(typeof input === 'string' && input.startsWith('/') ? `http://localhost${input}` : input, init);
    }
  } as typeof Request;
  return mock;
});

const { WorkflowActions } = await import('./BookingWork');

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function booking(status: Booking['status']): Booking {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    customerId: '22222222-2222-4222-8222-222222222222',
    vehicleId: '33333333-3333-4333-8333-333333333333',
    branchId: '44444444-4444-4444-8444-444444444444',
    technicianId: '55555555-5555-4555-8555-555555555555',
    bay: 1,
    serviceIds: [],
    startsAt: '2030-07-01T08:00:00Z',
    endsAt: '2030-07-01T09:00:00Z',
    status,
    partsStatus: 'reserved',
    quote: {
      currency: 'USD',
      laborCents: 0,
      partsCents: 0,
      subtotalCents: 0,
      taxCents: 0,
      totalCents: 0,
      lines: [],
    },
    notes: '',
    createdAt: '2030-06-01T08:00:00Z',
    updatedAt: '2030-06-01T08:00:00Z',
  };
}

/** Answers the vehicle lookup; `move` answers the status change or cancel. */
function serve(move: (req: Request, body: unknown) => Response) {
  const calls: { method: string; path: string; body: unknown }[] = [];
  fetchMock.mockImplementation(async (req: Request) => {
    const path = new URL(req.url, 'http://x').pathname;
    const body =
      req.method === 'GET'
        ? undefined
        : await req
            .clone()
            .json()
            .catch(() => undefined);
    calls.push({ method: req.method, path, body });
    if (req.method === 'GET' && path.startsWith('/api/vehicles/'))
      return json(200, {
        id: booking('requested').vehicleId,
        customerId: booking('requested').customerId,
        vin: 'JH4KA7561PC008269',
        plate: 'AB12 CDE',
        make: 'Honda',
        model: 'Jazz',
        year: 2018,
        mileage: 52_000,
        createdAt: '2030-01-01T00:00:00Z',
      });
    return move(req, body);
  });
  return calls;
}

function wrap(children: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(<QueryClientProvider client={client}>{children}</QueryClientProvider>);
}

vi.setConfig({ testTimeout: 20_000 });

describe('WorkflowActions', () => {
  it('asks for the mileage to complete and checks it before sending', async () => {
    const calls = serve((_req, body) => json(200, { ...booking('completed'), ...(body as object) }));
    wrap(<WorkflowActions booking={booking('in_progress')} />);
    await userEvent.click(screen.getByRole('button', { name: 'Complete' }));
    const mileage = screen.getByLabelText('Mileage');
    expect(mileage).toHaveFocus();

    await userEvent.click(screen.getByRole('button', { name: 'Complete booking' }));
    expect(mileage).toHaveAccessibleDescription(/Enter the mileage on the odometer/);
    expect(mileage).toHaveAttribute('aria-invalid', 'true');

    await screen.findByText('On record: 52,000');
    await userEvent.type(mileage, '100');
    await userEvent.click(screen.getByRole('button', { name: 'Complete booking' }));
    expect(mileage).toHaveAccessibleDescription(/enter at least that/);
    expect(calls.filter((c) => c.method !== 'GET')).toEqual([]);

    await userEvent.clear(mileage);
    await userEvent.type(mileage, '52,100');
    await userEvent.click(screen.getByRole('button', { name: 'Complete booking' }));
    const done = await screen.findByRole('status');
    expect(done).toHaveTextContent('Done: the booking is now “Ready to collect”.');
    expect(done).toHaveFocus();
    expect(calls.filter((c) => c.method !== 'GET')).toEqual([
      {
        method: 'PATCH',
        path: `/api/bookings/${booking('x' as never).id}/status`,
        body: { status: 'completed', mileage: 52_100 },
      },
    ]);
  });

  it("shows the server's message for the mileage next to the field", async () => {
    serve(() =>
      json(400, {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Invalid input',
        details: [{ field: 'mileage', message: 'Mileage must be at most 3000000' }],
      }),
    );
    wrap(<WorkflowActions booking={booking('in_progress')} />);
    await userEvent.click(screen.getByRole('button', { name: 'Complete' }));
    await screen.findByText('On record: 52,000');
    await userEvent.type(screen.getByLabelText('Mileage'), '60000');
    await userEvent.click(screen.getByRole('button', { name: 'Complete booking' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Mileage')).toHaveAccessibleDescription(/Mileage must be at most 3000000/),
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says so when someone else moved the booking first (409)', async () => {
    serve(() =>
      json(409, {
        statusCode: 409,
        error: 'Conflict',
        message: 'Cannot move a booking from in_progress to checked_in',
      }),
    );
    wrap(<WorkflowActions booking={booking('confirmed')} />);
    await userEvent.click(screen.getByRole('button', { name: 'Check in' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Someone else changed this booking in the meantime, so nothing was done.');
    expect(alert).not.toHaveTextContent('{');
  });

  it('asks before cancelling, then cancels through the cancel route', async () => {
    const calls = serve(() => json(200, booking('cancelled')));
    wrap(<WorkflowActions booking={booking('confirmed')} />);
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual([
      'Check in',
      'Mark as no-show',
      'Cancel booking',
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'Cancel booking' }));
    expect(screen.getByRole('group', { name: 'Cancel booking' })).toHaveTextContent('Cancel this booking?');
    await userEvent.click(screen.getByRole('button', { name: 'Yes, cancel booking' }));
    await screen.findByText('Done: the booking is now “Cancelled”.');
    expect(calls.filter((c) => c.method !== 'GET').map((c) => [c.method, c.path])).toEqual([
      ['POST', `/api/bookings/${booking('cancelled').id}/cancel`],
    ]);
  });

  it('offers nothing for a finished booking', () => {
    serve(() => json(500, {}));
    wrap(<WorkflowActions booking={booking('completed')} />);
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getByText(/No further steps/)).toBeInTheDocument();
  });
});
