import { randomBytes } from 'node:crypto';

export interface HttpResult<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/** A client IP of its own for a test (sent as X-Forwarded-For through the trusted loopback proxy). */
export function freshIp(): string {
  const b = randomBytes(3);
  return `10.${b[0]}.${b[1]}.${b[2] || 1}`;
}

/** Small HTTP client for tests: JSON in and out, the raw text kept for leak checks. */
export async function http<T = Record<string, unknown>>(
  base: string,
  method: string,
  path: string,
  options: { body?: unknown; raw?: string; token?: string; headers?: Record<string, string>; ip?: string } = {},
): Promise<HttpResult<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.ip) headers['x-forwarded-for'] = options.ip;
  let body: string | undefined;
  if (options.raw !== undefined) body = options.raw;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}${path}`, { method, headers, body });
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  return { status: res.status, headers: res.headers, body: parsed as T, text };
}

/** Signs in as staff/admin and returns the token. */
export async function loginStaff(base: string, username: string, password: string, ip = freshIp()): Promise<string> {
  const res = await http<{ token: string }>(base, 'POST', '/api/login', { body: { username, password }, ip });
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${res.text}`);
  return res.body.token;
}

/** Signs in as a customer and returns the token. */
export async function loginCustomer(base: string, email: string, password: string, ip = freshIp()): Promise<string> {
  const res = await http<{ token: string }>(base, 'POST', '/api/customer-login', { body: { email, password }, ip });
  if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${res.text}`);
  return res.body.token;
}

/** Something a response must never contain: hashes, stack traces, SQL. */
export const LEAK =
  /\$argon2|\$pbkdf2|password_hash|passwordHash|\bat .+\.(js|ts):\d+|QueryFailedError|SELECT .* FROM|INSERT INTO|duplicate key/i;
