import { randomBytes } from 'node:crypto';
import { DEVICE_COOKIE, DeviceCookies } from './device-cookie';
import type { GatewayReply, GatewayRequest } from '../http/gateway-request';

const OLD = randomBytes(32).toString('hex');
const NEW = randomBytes(32).toString('hex');

/** The cookie value DeviceCookies sets for an account. */
function issued(cookies: DeviceCookies): string {
  let value = '';
  const reply = { setCookie: (_name: string, v: string) => (value = v) } as unknown as GatewayReply;
  cookies.issue(reply, 'user', 'acct-1');
  return value;
}
const request = (value: string) => ({ cookies: { [DEVICE_COOKIE]: value } }) as unknown as GatewayRequest;

describe('device cookies across a SECRET_KEY rotation', () => {
  const beforeRotation = new DeviceCookies({ current: OLD }, true);
  const duringRotation = new DeviceCookies({ current: NEW, previous: OLD }, true);
  const afterRotation = new DeviceCookies({ current: NEW }, true);

  it('trusts a cookie signed with the retiring key while it is the previous one, and not after', () => {
    const cookie = issued(beforeRotation);
    expect(duringRotation.read(request(cookie))).toMatchObject({ kind: 'user', accountId: 'acct-1' });
    expect(afterRotation.read(request(cookie))).toBeUndefined();
  });

  it('signs new cookies with the current key only', () => {
    const cookie = issued(duringRotation);
    expect(afterRotation.read(request(cookie))).toMatchObject({ accountId: 'acct-1' });
    expect(beforeRotation.read(request(cookie))).toBeUndefined();
  });

  it('trusts no cookie with a signature of neither key', () => {
    const parts = issued(duringRotation).split('.');
    parts[4] = parts[4]!.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    expect(duringRotation.read(request(parts.join('.')))).toBeUndefined();
    expect(
      duringRotation.read(request(issued(new DeviceCookies({ current: randomBytes(32).toString('hex') }, true)))),
    ).toBeUndefined();
  });
});
