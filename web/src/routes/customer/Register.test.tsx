import { answerWith, calls, json, problem } from './testing/fetch-stub';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderAt } from './testing/render';
import { Component as Register } from './Register';

const customer = {
  id: '00000000-0000-4000-8000-000000000001',
  email: 'robin@example.com',
  firstName: 'Robin',
  lastName: 'Tester',
  phone: null,
  status: 'active',
  createdAt: '2026-01-01T00:00:00Z',
};

async function fillIn(password: string) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('First name'), 'Robin');
  await user.type(screen.getByLabelText('Last name'), 'Tester');
  await user.type(screen.getByLabelText('Email'), 'robin@example.com');
  await user.type(screen.getByLabelText('Password'), password);
  return user;
}

describe('registering', () => {
  it('ticks off the server’s password rules as you type', async () => {
    answerWith(() => undefined);
    renderAt(<Register />, '/register');
    const user = userEvent.setup();
    const password = screen.getByLabelText('Password');
    expect(password).toHaveAccessibleDescription(expect.stringContaining('8 to 128 characters (still needed)'));

    await user.type(password, 'abc');
    expect(password).toHaveAccessibleDescription(expect.stringContaining('a lower-case letter (done)'));
    expect(password).toHaveAccessibleDescription(expect.stringContaining('an upper-case letter (still needed)'));
    expect(password).toHaveAccessibleDescription(expect.stringContaining('a digit (still needed)'));

    await user.type(password, 'DEFGH1');
    for (const rule of ['8 to 128 characters', 'an upper-case letter', 'a lower-case letter', 'a digit'])
      expect(password).toHaveAccessibleDescription(expect.stringContaining(`${rule} (done)`));
  });

  it('refuses a weak password before asking the server, with the server’s own words, and focuses it', async () => {
    answerWith(() => undefined);
    renderAt(<Register />, '/register');
    const user = await fillIn('alllowercase1');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    const password = screen.getByLabelText('Password');
    expect(password).toHaveAttribute('aria-invalid', 'true');
    expect(password).toHaveAccessibleDescription(
      expect.stringContaining('Password must contain an upper-case letter.'),
    );
    await waitFor(() => expect(password).toHaveFocus());
    expect(calls.filter((c) => c.path !== '/api/password-policy')).toHaveLength(0);
  });

  it('follows the deployment’s policy: without composition rules, only the length is asked for', async () => {
    answerWith((call) => {
      if (call.path === '/api/password-policy')
        return json(200, { minLength: 8, maxLength: 128, requireComposition: false });
      if (call.path === '/api/customer-register') return json(201, { customer });
      if (call.path === '/api/customer-login')
        return json(200, { token: 't', expiresAt: '2099-01-01T00:00:00Z', customer });
      return undefined;
    });
    const { router } = renderAt(<Register />, '/register');
    const password = screen.getByLabelText('Password');
    await waitFor(() =>
      expect(password).not.toHaveAccessibleDescription(expect.stringContaining('an upper-case letter')),
    );
    expect(password).toHaveAccessibleDescription(expect.stringContaining('8 to 128 characters (still needed)'));
    const user = await fillIn('quiet meadow lantern');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/vehicles'));
    expect(calls.find((c) => c.path === '/api/customer-register')?.body).toMatchObject({
      password: 'quiet meadow lantern',
    });
  });

  it('puts the server’s field error next to the field it names', async () => {
    answerWith((call) =>
      call.path === '/api/customer-register'
        ? problem(400, 'Password is too common', [
            { field: 'password', message: 'Password is too common (it appears in lists of breached passwords)' },
          ])
        : undefined,
    );
    renderAt(<Register />, '/register');
    const user = await fillIn('Password123');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    const password = screen.getByLabelText('Password');
    await waitFor(() => expect(password).toHaveAttribute('aria-invalid', 'true'));
    expect(password).toHaveAccessibleDescription(expect.stringContaining('appears in lists of breached passwords'));
    await waitFor(() => expect(password).toHaveFocus());
    // Placed on its field, it is not repeated at the top.
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says plainly when the email is taken (409), never raw JSON', async () => {
    answerWith((call) =>
      call.path === '/api/customer-register' ? problem(409, 'An account with this email already exists') : undefined,
    );
    renderAt(<Register />, '/register');
    const user = await fillIn('Good-Pass-2026');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('An account with this email already exists');
    expect(alert.textContent).not.toContain('{');
  });

  it('signs in with the new account and goes on to add a car', async () => {
    answerWith((call) => {
      if (call.path === '/api/customer-register') return json(201, { customer });
      if (call.path === '/api/customer-login')
        return json(200, { token: 't', expiresAt: '2099-01-01T00:00:00Z', customer });
      return undefined;
    });
    const { router } = renderAt(<Register />, '/register');
    const user = await fillIn('Good-Pass-2026');
    await user.type(screen.getByLabelText('Phone (optional)'), '+1 312 555 0100');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/vehicles'));
    expect(calls.find((c) => c.path === '/api/customer-register')?.body).toEqual({
      email: 'robin@example.com',
      password: 'Good-Pass-2026',
      firstName: 'Robin',
      lastName: 'Tester',
      phone: '+1 312 555 0100',
    });
  });
});
