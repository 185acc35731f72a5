import { answerWith, calls, json, problem, type Call } from '../customer/testing/fetch-stub';
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, Outlet, RouterProvider } from 'react-router';
import { createQueryClient } from '../../api/query-client';
import type { AuditEntry } from '../../api/staff/audit';
import type { Me } from '../../api/session';
import { Component as Audit } from './Audit';

vi.setConfig({ testTimeout: 20_000 });

const NORTH = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const ADMIN = '11111111-1111-4111-8111-111111111111';
const DESK = '22222222-2222-4222-8222-222222222222';
const branch = { id: NORTH, name: 'North', timezone: 'Europe/London' };
const users = [
  { id: ADMIN, username: 'admin', role: 'admin', branchIds: [], status: 'active', createdAt: '' },
  { id: DESK, username: 'desk-jo', role: 'staff', branchIds: [NORTH], status: 'active', createdAt: '' },
];

function entry(over: Partial<AuditEntry>): AuditEntry {
  return {
    id: crypto.randomUUID(),
    at: '2026-07-01T13:30:05.000Z',
    service: 'catalog',
    action: 'catalog.branch.updated',
    actor: { kind: 'user', id: DESK, label: null },
    ip: '203.0.113.7',
    branchId: NORTH,
    subject: { type: 'branch', id: NORTH },
    before: { bays: 2 },
    after: { bays: 3 },
    ...over,
  };
}

const log = [
  entry({}),
  entry({
    service: 'auth',
    action: 'auth.sign_in_failed',
    actor: { kind: 'anonymous', id: null, label: 'ghost' },
    branchId: null,
    subject: { type: 'login', id: 'ghost' },
    before: null,
    after: { reason: 'no such account' },
  }),
];

/** The console's API for an admin: branches, users, and the log (or `audit` instead). */
function serve(audit: (call: Call) => Response = () => json(200, { items: log, nextCursor: null })) {
  answerWith((call) => {
    if (call.path === '/api/branches') return json(200, { items: [branch], nextCursor: null });
    if (call.path === '/api/users') return json(200, { items: users, nextCursor: null });
    if (call.path === '/api/audit') return audit(call);
    return undefined;
  });
}

function open(url: string, role: 'admin' | 'staff' = 'admin') {
  const me = {
    kind: 'user',
    user: {
      id: role === 'admin' ? ADMIN : DESK,
      username: role,
      role,
      branchIds: [NORTH],
      status: 'active',
      createdAt: '',
    },
  } as Me;
  const client = createQueryClient();
  client.setDefaultOptions({ queries: { ...client.getDefaultOptions().queries, retry: false } });
  const router = createMemoryRouter(
    [{ path: '/staff', element: <Outlet context={me} />, children: [{ path: 'audit', element: <Audit /> }] }],
    { initialEntries: [url] },
  );
  render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return router;
}

const auditCalls = () => calls.filter((c) => c.path === '/api/audit');

describe('the audit log page', () => {
  it('shows who did what, where, from where and what changed, with the filters of the URL', async () => {
    serve();
    open(`/staff/audit?kind=catalog&branch=${NORTH}`);
    const table = await screen.findByRole('table', { name: 'The audit log, newest first' });
    const [, first, second] = within(table).getAllByRole('row');
    await within(first).findByRole('link', { name: 'desk-jo' });
    expect(within(first).getByText('Changed a branch')).toBeInTheDocument();
    expect(within(first).getByText('· North')).toBeInTheDocument();
    expect(within(first).getByRole('cell', { name: '203.0.113.7' })).toBeInTheDocument();
    expect(within(first).getByText('bays 2 → 3')).toBeInTheDocument();
    expect(within(first).getByText(/"bays": 3/)).toBeInTheDocument();
    expect(within(second).getByText('Someone trying “ghost”')).toBeInTheDocument();
    expect(within(second).getByText('Failed to sign in')).toBeInTheDocument();
    expect(within(second).getByText('reason no such account')).toBeInTheDocument();

    expect(Object.fromEntries(auditCalls()[0].query)).toEqual({ action: 'catalog.', branchId: NORTH, limit: '50' });
    const csv = screen.getByRole('link', { name: 'Download CSV' });
    expect(csv).toHaveAttribute('download');
    expect(csv).toHaveAttribute('href', `/api/audit/export?action=catalog.&branchId=${NORTH}`);
  });

  it('asks again when the kind changes, and narrows to one person from their name', async () => {
    serve();
    const router = open('/staff/audit');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('link', { name: 'desk-jo' }));
    await screen.findByText('Only what desk-jo did.');
    expect(router.state.location.search).toBe(`?by=${DESK}`);
    await user.selectOptions(screen.getByLabelText('Kind of change'), 'Sign-ins');
    await waitFor(() =>
      expect(Object.fromEntries(auditCalls().at(-1)!.query)).toEqual({
        action: 'auth.sign_in,auth.sign_in_failed',
        actorId: DESK,
        limit: '50',
      }),
    );
    expect(screen.getByRole('link', { name: 'Download CSV' }).getAttribute('href')).toBe(
      `/api/audit/export?action=auth.sign_in%2Cauth.sign_in_failed&actorId=${DESK}`,
    );
    await user.click(screen.getByRole('button', { name: 'Show everyone' }));
    expect(router.state.location.search).toBe('?kind=sign-ins');
  });

  it('says when nothing matches', async () => {
    serve(() => json(200, { items: [], nextCursor: null }));
    open('/staff/audit?kind=bookings');
    await screen.findByText('Nothing recorded matches');
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('offers a retry when the log cannot be read', async () => {
    let down = true;
    serve(() =>
      down ? problem(503, 'The auth service is unavailable.') : json(200, { items: log, nextCursor: null }),
    );
    open('/staff/audit?kind=stock');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The audit log: not available right now');
    down = false;
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await screen.findByText('bays 2 → 3');
  });

  it('tells staff that only admins read it, and asks the API nothing', async () => {
    serve();
    open('/staff/audit', 'staff');
    await screen.findByText('Only admins read the audit log.');
    expect(screen.queryByRole('table')).toBeNull();
    expect(auditCalls()).toEqual([]);
    expect(calls.filter((c) => c.path === '/api/users')).toEqual([]);
  });
});
