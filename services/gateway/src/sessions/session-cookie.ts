import type { GatewayReply } from '../http/gateway-request.js';

export const SESSION_COOKIE = 'session';

/** Sets the session cookie: HttpOnly, SameSite=Lax, Secure in production. */
export function setSessionCookie(reply: GatewayReply, token: string, expiresAt: string, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    expires: new Date(expiresAt),
  });
}

/** Removes the session cookie. */
export function clearSessionCookie(reply: GatewayReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}
