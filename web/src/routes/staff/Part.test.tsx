import type { ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Branch } from '../../api/types';

// openapi-fetch keeps the fetch it finds when the client is made: stub it (and absolute URLs) first.
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

const { AdjustForm, TransferForm } = await import('./Part');

vi.setConfig({ testTimeout: 20_000 });

const branch = (id: string, name: string) => ({ id, name, timezone: 'Europe/London' }) as Branch;
const north = branch('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', 'North');
const south = branch('bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb', 'South');
const nameOf = (id: string) => [north, south].find((b) => b.id === id)?.name ?? '?';

function wrap(ui: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>);
}

beforeEach(() => fetchMock.mockReset());

describe('TransferForm', () => {
  it('says what is missing next to each field, and sends nothing', async () => {
    wrap(<TransferForm partId="p1" mine={[north, south]} all={[north, south]} nameOf={nameOf} />);
    await userEvent.click(screen.getByRole('button', { name: 'Transfer parts' }));
    expect(screen.getByLabelText('From branch')).toHaveAccessibleDescription('Choose the branch the parts leave');
    expect(screen.getByLabelText('To branch')).toHaveAccessibleDescription('Choose the branch they go to');
    expect(screen.getByLabelText('Quantity to move')).toHaveAccessibleDescription('Enter a whole number, 1 or more');
    expect(screen.getByLabelText('Reason for the transfer')).toHaveAccessibleDescription('Say why');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('offers only other branches as the destination, and shows a 409 as one clear message', async () => {
    fetchMock.mockResolvedValue(
      new Response(
        JSON.stringify({ statusCode: 409, error: 'Conflict', message: 'Only 1 available at the source branch' }),
        { status: 409, headers: { 'content-type': 'application/json' } },
      ),
    );
    wrap(<TransferForm partId="p1" mine={[north]} all={[north, south]} nameOf={nameOf} />);
    expect(screen.getByLabelText('From branch')).toHaveValue(north.id);
    const to = screen.getByLabelText('To branch');
    expect(
      within(to)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Choose…', 'South']);
    await userEvent.selectOptions(to, south.id);
    await userEvent.type(screen.getByLabelText('Quantity to move'), '7');
    await userEvent.type(screen.getByLabelText('Reason for the transfer'), 'rebalancing');
    await userEvent.click(screen.getByRole('button', { name: 'Transfer parts' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Only 1 available at the source branch');
    const sent = fetchMock.mock.calls[0]![0];
    expect(sent.method).toBe('POST');
    expect(new URL(sent.url).pathname).toBe('/api/parts/p1/transfer');
    expect(await sent.json()).toEqual({
      fromBranchId: north.id,
      toBranchId: south.id,
      quantity: 7,
      reason: 'rebalancing',
    });
  });
});

describe('AdjustForm', () => {
  it('refuses a negative delivery and puts the server’s field message by its field', async () => {
    fetchMock.mockResolvedValue(
      new Response(
        JSON.stringify({
          statusCode: 400,
          error: 'Bad Request',
          message: 'Invalid input',
          details: [{ field: 'reason', message: 'reason must be at most 200 characters' }],
        }),
        { status: 400, headers: { 'content-type': 'application/json' } },
      ),
    );
    wrap(<AdjustForm partId="p1" mine={[north]} nameOf={nameOf} />);
    const quantity = screen.getByLabelText('Quantity');
    await userEvent.type(quantity, '-2');
    await userEvent.type(screen.getByLabelText('Reason'), 'x'.repeat(201));
    await userEvent.click(screen.getByRole('button', { name: 'Receive stock' }));
    expect(quantity).toHaveAccessibleDescription(/A delivery adds stock: enter a positive number/);
    expect(fetchMock).not.toHaveBeenCalled();

    await userEvent.clear(quantity);
    await userEvent.type(quantity, '3');
    await userEvent.click(screen.getByRole('button', { name: 'Receive stock' }));
    expect(await screen.findByText('reason must be at most 200 characters')).toBeInTheDocument();
    expect(screen.getByLabelText('Reason')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
