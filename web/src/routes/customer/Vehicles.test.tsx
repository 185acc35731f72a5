import { answerWith, calls, json, problem } from './testing/fetch-stub';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderAt } from './testing/render';
import { Component as Vehicles } from './Vehicles';

const car = {
  id: '00000000-0000-4000-8000-00000000000a',
  customerId: '00000000-0000-4000-8000-000000000001',
  vin: '1HGCM82633A004352',
  plate: 'AB12 CDE',
  make: 'Honda',
  model: 'Jazz',
  year: 2018,
  mileage: null as number | null,
  status: 'active',
  createdAt: '2026-01-01T00:00:00Z',
};

function myCars(items: unknown[]) {
  return (call: { method: string; path: string }) =>
    call.method === 'GET' && call.path === '/api/customer/my-vehicles'
      ? json(200, { items, nextCursor: null })
      : undefined;
}

async function fillNewCar(user: ReturnType<typeof userEvent.setup>, mileage = '') {
  await user.type(screen.getByLabelText('VIN'), '1HGCM82633A004352');
  await user.type(screen.getByLabelText('Number plate'), 'ab12 cde');
  await user.type(screen.getByLabelText('Make'), 'Honda');
  await user.type(screen.getByLabelText('Model'), 'Jazz');
  await user.type(screen.getByLabelText('Year'), '2018');
  if (mileage) await user.type(screen.getByLabelText('Mileage (optional)'), mileage);
}

describe('my cars', () => {
  it('shows a car being checked (a VIN claim) or not confirmed as such, and says why it cannot be booked', async () => {
    answerWith(
      myCars([
        { ...car, id: '00000000-0000-4000-8000-00000000000b', plate: 'CL41 M', status: 'claim_pending' },
        { ...car, id: '00000000-0000-4000-8000-00000000000c', plate: 'NO 1', status: 'claim_rejected' },
        car,
      ]),
    );
    renderAt(<Vehicles />, '/vehicles');
    const cards = await screen.findAllByRole('article');
    expect(cards).toHaveLength(3);
    expect(within(cards[0]).getByText('Being checked')).toBeInTheDocument();
    expect(cards[0]).toHaveTextContent('you can book it once they have');
    expect(within(cards[1]).getByText('Not confirmed')).toBeInTheDocument();
    expect(cards[1]).toHaveTextContent('Please contact the branch');
    expect(within(cards[2]).queryByText(/Being checked|Not confirmed/)).not.toBeInTheDocument();
  });

  it('checks the VIN as you type, with the shared rule', async () => {
    answerWith(myCars([]));
    renderAt(<Vehicles />, '/vehicles?add=1');
    const user = userEvent.setup();
    const vin = screen.getByLabelText('VIN');
    await user.type(vin, 'abc');
    expect(vin).toHaveAttribute('aria-invalid', 'true');
    expect(vin).toHaveAccessibleDescription(expect.stringContaining('A VIN has 17 characters (this has 3)'));
    await user.type(vin, 'I');
    expect(vin).toHaveAccessibleDescription(expect.stringContaining('A VIN never contains I: check for 1 or 0'));
    await user.clear(vin);
    await user.type(vin, '1hgcm82633a004352');
    expect(vin).not.toHaveAttribute('aria-invalid');
  });

  it('does not send an empty mileage, and shows a missing one as "not given"', async () => {
    let saved: unknown[] = [];
    answerWith((call) => {
      if (call.method === 'POST' && call.path === '/api/customer/my-vehicles') {
        saved = [{ ...car, mileage: null }];
        return json(201, saved[0]);
      }
      return myCars(saved)(call);
    });
    renderAt(<Vehicles />, '/vehicles?add=1');
    const user = userEvent.setup();
    await fillNewCar(user);
    await user.click(screen.getByRole('button', { name: 'Add car' }));
    await screen.findByText('2018 Honda Jazz (AB12 CDE) was added.');
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.body).toEqual({
      vin: '1HGCM82633A004352',
      plate: 'AB12 CDE',
      make: 'Honda',
      model: 'Jazz',
      year: 2018,
    });
    const card = await screen.findByRole('article', { name: '2018 Honda Jazz' });
    expect(within(card).getByText('not given')).toBeInTheDocument();
  });

  it('puts the server’s field errors on the fields they name, and focuses the first', async () => {
    answerWith((call) =>
      call.method === 'POST'
        ? problem(400, 'Invalid input', [
            { field: 'mileage', message: 'Invalid input: expected number, received undefined' },
            { field: 'plate', message: 'a number plate: letters, digits, spaces and dashes, at most 15' },
          ])
        : myCars([])(call),
    );
    renderAt(<Vehicles />, '/vehicles?add=1');
    const user = userEvent.setup();
    await fillNewCar(user);
    await user.click(screen.getByRole('button', { name: 'Add car' }));
    const mileage = screen.getByLabelText('Mileage (optional)');
    const plate = screen.getByLabelText('Number plate');
    await waitFor(() => expect(mileage).toHaveAttribute('aria-invalid', 'true'));
    expect(mileage).toHaveAccessibleDescription(expect.stringContaining('Invalid input: expected number'));
    expect(plate).toHaveAccessibleDescription(expect.stringContaining('A number plate: letters, digits'));
    await waitFor(() => expect(plate).toHaveFocus());
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('edits a car with PATCH /api/vehicles/:id, sending only what the form holds', async () => {
    answerWith((call) =>
      call.method === 'PATCH' ? json(200, { ...car, mileage: 61000 }) : myCars([{ ...car, mileage: 60000 }])(call),
    );
    renderAt(<Vehicles />, '/vehicles');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Edit 2018 Honda Jazz (AB12 CDE)' }));
    const mileage = screen.getByLabelText('Mileage (optional)');
    await user.clear(mileage);
    await user.type(mileage, '61,000');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    const patch = calls.find((c) => c.method === 'PATCH')!;
    expect(patch.path).toBe(`/api/vehicles/${car.id}`);
    expect(patch.body).toEqual({ plate: 'AB12 CDE', make: 'Honda', model: 'Jazz', year: 2018, mileage: 61000 });
  });
});
