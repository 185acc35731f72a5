import { answerWith, calls, json, problem } from '../customer/testing/fetch-stub';
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, Outlet, RouterProvider } from 'react-router';
import { createQueryClient } from '../../api/query-client';
import type { Me } from '../../api/session';
import type { DeadLetter } from '../../api/types';
import { Component as DeadLetters } from './DeadLetters';

const user = (role: 'admin' | 'staff'): Me =>
  ({
    kind: 'user',
    user: { id: 'u1', username: 'ops', role, branchIds: [], status: 'active', createdAt: '2026-01-01T00:00:00Z' },
  }) as Me;

/** The page inside the console's outlet (which hands it the signed-in user), at a URL. */
function renderPage(me: Me, url = '/staff/dead-letters') {
  const client = createQueryClient();
  client.setDefaultOptions({ queries: { ...client.getDefaultOptions().queries, retry: false } });
  const router = createMemoryRouter(
    [
      {
        path: '/staff',
        element: <Outlet context={me} />,
        children: [{ path: 'dead-letters', element: <DeadLetters /> }],
      },
    ],
    { initialEntries: [url] },
  );
  return render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

const poisoned: DeadLetter = {
  id: 'inventory-bookings.42',
  durable: 'inventory-bookings',
  type: 'booking.created',
  event: { id: 'e-1', type: 'booking.created', occurredAt: '2026-05-01T10:00:00Z', data: { bookingId: 'b-1' } },
  unreadable: null,
  streamSeq: 7,
  deliveries: 5,
  error: 'Database error (SQLSTATE 23514, constraint no_poison)',
  deadAt: '2026-05-01T10:00:15Z',
};
const garbage: DeadLetter = {
  ...poisoned,
  id: 'catalog-part-prices.41',
  durable: 'catalog-part-prices',
  type: 'part.price_changed',
  event: null,
  unreadable: 'not json',
  deliveries: 1,
  error: 'Unreadable event: SyntaxError',
};

/** The list as the gateway gives it, and a replay answered by `replay`. */
function serve(replay: () => Response) {
  answerWith((call) => {
    if (call.method === 'GET' && call.path === '/api/admin/dead-letters')
      return json(200, { items: [poisoned, garbage], nextCursor: null });
    if (call.method === 'POST' && call.path === `/api/admin/dead-letters/${poisoned.id}/replay`) return replay();
    return undefined;
  });
}

describe('dead letters', () => {
  it('lists what failed where and why, in plain words; an unreadable one has no replay', async () => {
    serve(() => problem(500, 'unused'));
    renderPage(user('admin'));
    const table = await screen.findByRole('table', { name: 'Dead letters, newest first' });
    const [first, second] = within(table).getAllByRole('row').slice(1);
    expect(within(first!).getByText('Inventory: parts for bookings')).toBeInTheDocument();
    expect(within(first!).getByText('Booking made')).toBeInTheDocument();
    expect(within(first!).getByText(poisoned.error)).toBeInTheDocument();
    expect(within(first!).getByRole('button', { name: 'Replay Booking made e-1' })).toBeEnabled();
    expect(within(second!).queryByRole('button')).toBeNull();
    expect(within(second!).getByText('Unreadable: nothing to replay')).toBeInTheDocument();
  });

  it('replays one and says so; a refusal (still failing) is shown as the server said it', async () => {
    let answer = () => problem(409, 'The event still fails: Database error (SQLSTATE 23514). It stays a dead letter');
    serve(() => answer());
    renderPage(user('admin'));
    const click = userEvent.setup();
    await click.click(await screen.findByRole('button', { name: 'Replay Booking made e-1' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('It stays a dead letter');
    answer = () =>
      json(200, {
        id: poisoned.id,
        durable: poisoned.durable,
        type: poisoned.type,
        eventId: 'e-1',
        replayedAt: '2026-05-01T11:00:00Z',
      });
    await click.click(screen.getByRole('button', { name: 'Replay Booking made e-1' }));
    expect(await screen.findByText('Booking made (e-1) was handed to its consumer again.')).toHaveAttribute(
      'role',
      'status',
    );
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual([
      '/api/admin/dead-letters/inventory-bookings.42/replay',
      '/api/admin/dead-letters/inventory-bookings.42/replay',
    ]);
  });

  it('filters by consumer and event through the URL', async () => {
    serve(() => problem(500, 'unused'));
    renderPage(user('admin'), '/staff/dead-letters?consumer=catalog-part-prices&event=nonsense');
    await screen.findByRole('table', { name: 'Dead letters, newest first' });
    expect(screen.getByLabelText('Consumer')).toHaveValue('catalog-part-prices');
    expect(screen.getByLabelText('Event')).toHaveValue('');
    await waitFor(() => expect(calls.length).toBeGreaterThan(0));
    const query = calls.find((c) => c.method === 'GET')!.query;
    expect([query.get('durable'), query.get('type')]).toEqual(['catalog-part-prices', null]);
  });

  it('is for admins only', () => {
    serve(() => problem(500, 'unused'));
    renderPage(user('staff'));
    expect(screen.getByText('Only admins look after the system.')).toBeInTheDocument();
  });
});
