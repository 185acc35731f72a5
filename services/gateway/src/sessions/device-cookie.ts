import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Principal, SigningKeys, TrustedDevice } from '@garage/shared';
import type { GatewayReply, GatewayRequest } from '../http/gateway-request.js';

export const DEVICE_COOKIE = 'device';
const VERSION = 'd1';
const MAX_AGE_SECONDS = 365 * 24 * 3600;
const ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * OWASP's device cookies ("Slow Down Online Guessing Attacks with Device Cookies"): a browser that
 * signs in successfully gets a cookie naming the account and a random device id, signed with
 * SECRET_KEY. On its next sign-in the gateway checks the signature and tells the auth service which
 * trusted device is asking; the auth service then spares it the account's delay that guessing from
 * elsewhere has built up (it has a failure allowance of its own). Unsigned, altered or foreign
 * cookies are simply not trusted.
 */
export class DeviceCookies {
  constructor(
    private readonly keys: SigningKeys,
    private readonly secure: boolean,
  ) {}

  /** The trusted device a request carries, or undefined. */
  read(req: GatewayRequest): TrustedDevice | undefined {
    const raw = req.cookies?.[DEVICE_COOKIE];
    if (!raw || raw.length > 300) return undefined;
    const [version, kind, accountId, id, signature] = raw.split('.');
    if (version !== VERSION || (kind !== 'user' && kind !== 'customer')) return undefined;
    if (!ID.test(accountId ?? '') || !ID.test(id ?? '') || !signature) return undefined;
    // During a SECRET_KEY rotation a cookie signed with the retiring key is still trusted.
    const secrets = [this.keys.current, ...(this.keys.previous ? [this.keys.previous] : [])];
    const given = Buffer.from(signature);
    const signed = secrets.some((secret) => {
      const expected = Buffer.from(this.sign(kind, accountId, id, secret));
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
    return signed ? { kind, accountId, id } : undefined;
  }

  /** Marks the browser as a trusted device of the account that just signed in (a new device id each time). */
  issue(reply: GatewayReply, kind: Principal['kind'], accountId: string): void {
    const id = randomBytes(16).toString('base64url');
    reply.setCookie(DEVICE_COOKIE, `${VERSION}.${kind}.${accountId}.${id}.${this.sign(kind, accountId, id)}`, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.secure,
      path: '/api',
      maxAge: MAX_AGE_SECONDS,
    });
  }

  private sign(kind: string, accountId: string, id: string, secret = this.keys.current): string {
    return createHmac('sha256', secret)
      .update(`device-cookie:${VERSION}.${kind}.${accountId}.${id}`)
      .digest('base64url');
  }
}
