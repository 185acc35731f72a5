import { answerWith, calls, json, problem } from '../customer/testing/fetch-stub';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderAt } from '../customer/testing/render';
import { Component as Vehicles } from './Vehicles';

const OWNER = '00000000-0000-4000-8000-000000000001';
const CLAIMANT = '00000000-0000-4000-8000-000000000002';
const VIN = '1HGCM82633A004352';
const vehicle = (id: string, customerId: string, status: string, plate: string) => ({
  id,
  customerId,
  vin: VIN,
  plate,
  make: 'Honda',
  model: 'Accord',
  year: 2019,
  mileage: 48_200,
  status,
  createdAt: '2026-11-30T10:00:00.000Z',
});
const registered = vehicle('00000000-0000-4000-8000-00000000000a', OWNER, 'active', 'JS 1024');
const claim = vehicle('00000000-0000-4000-8000-00000000000b', CLAIMANT, 'claim_pending', 'RE4L 1');

function api(decide: () => Response) {
  let pending = [{ claim, registered }];
  answerWith((call) => {
    if (call.path === '/api/vehicle-claims') return json(200, { items: pending, nextCursor: null });
    if (call.path === '/api/vehicles') return json(200, { items: [registered, claim], nextCursor: null });
    if (call.method === 'POST' && call.path.startsWith('/api/vehicle-claims/')) {
      const answer = decide();
      if (answer.ok) pending = [];
      return answer;
    }
    return undefined;
  });
}

describe('staff: vehicles and VIN claims', () => {
  it('lists a pending claim beside the registered car; approving it sends the claim’s id and says what happened', async () => {
    api(() => json(200, { ...registered, customerId: CLAIMANT }));
    renderAt(<Vehicles />, '/staff/vehicles');
    const claims = await screen.findByRole('table', { name: 'VIN claims to check' });
    const row = within(claims).getAllByRole('row')[1];
    expect(row).toHaveTextContent(VIN);
    expect(within(row).getByRole('link', { name: 'Claimant' })).toHaveAttribute('href', `/staff/customers/${CLAIMANT}`);
    expect(within(row).getByRole('link', { name: 'Owner' })).toHaveAttribute('href', `/staff/customers/${OWNER}`);
    await userEvent.setup().click(within(row).getByRole('button', { name: `Give ${VIN} to the claimant` }));
    expect(await screen.findByText(`${VIN} now belongs to the claimant, with its history.`)).toHaveAttribute(
      'role',
      'status',
    );
    expect(calls.some((c) => c.method === 'POST' && c.path === `/api/vehicle-claims/${claim.id}/approve`)).toBe(true);
    // The vehicles list marks the claim for what it is.
    const list = screen.getByRole('table', { name: 'Vehicles' });
    expect(within(list).getByText('Being checked')).toBeInTheDocument();
  });

  it('shows a refusal (upcoming bookings of the owner) as one clear message', async () => {
    api(() => problem(409, 'The car has 1 upcoming booking of its current owner; cancel it first'));
    renderAt(<Vehicles />, '/staff/vehicles');
    const claims = await screen.findByRole('table', { name: 'VIN claims to check' });
    await userEvent.setup().click(within(claims).getByRole('button', { name: `Give ${VIN} to the claimant` }));
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent('The car has 1 upcoming booking of its current owner'),
    );
  });
});
