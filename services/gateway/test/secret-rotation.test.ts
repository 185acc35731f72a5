import { randomBytes } from 'node:crypto';
import { startAuth, startGatewayForTest } from '../../../test/support/system.js';
import { http, loginStaff } from '../../../test/support/http.js';
import type { RunningAuthService } from '../../auth/src/auth.app.js';
import type { RunningGateway } from '../src/gateway.app.js';

// Rotating SECRET_KEY (docs/operations.md): deploy the new key with the old one as SECRET_KEY_PREVIOUS,
// wait out the session lifetime, then drop the old one. Nobody is signed out by the first step.
const OLD = randomBytes(32).toString('hex');
const NEW = randomBytes(32).toString('hex');

let auth: RunningAuthService;
const gateways: RunningGateway[] = [];
const gateway = async (env: Record<string, string>) => {
  const gw = await startGatewayForTest(env);
  gateways.push(gw);
  return gw;
};
const me = (gw: RunningGateway, token: string) => http(gw.url, 'GET', '/api/me', { token });

afterAll(async () => {
  await Promise.all(gateways.map((gw) => gw.close()));
  await auth?.close();
});

it('keeps sessions made under the old key during the rotation window, and only then ends them', async () => {
  auth = await startAuth({ SECRET_KEY: OLD });
  const before = await gateway({ SECRET_KEY: OLD });
  const oldToken = await loginStaff(before.url, 'admin', 'admin123');
  const signedOutLater = await loginStaff(before.url, 'admin', 'admin123');

  // The release with the new key and the old one as previous: auth and the gateways.
  await auth.close();
  auth = await startAuth({ SECRET_KEY: NEW, SECRET_KEY_PREVIOUS: OLD });
  const during = await gateway({ SECRET_KEY: NEW, SECRET_KEY_PREVIOUS: OLD });
  expect((await me(during, oldToken)).body).toMatchObject({ user: { username: 'admin' } });
  const newToken = await loginStaff(during.url, 'admin', 'admin123');
  expect((await me(during, newToken)).status).toBe(200);

  // An old session still ends on logout during the window.
  expect((await http(during.url, 'POST', '/api/logout', { token: signedOutLater })).status).toBe(204);
  expect((await me(during, signedOutLater)).status).toBe(401);

  // After the window the old key is gone: its sessions no longer open, the new ones do.
  const after = await gateway({ SECRET_KEY: NEW });
  expect((await me(after, oldToken)).status).toBe(401);
  expect((await me(after, newToken)).status).toBe(200);
  // A gateway still on the old key alone (a rollback) does not know sessions made under the new one.
  expect((await me(before, newToken)).status).toBe(401);
});
