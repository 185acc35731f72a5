import { z } from 'zod';
import { DomainError } from '../errors.js';

/** A UUID, lower-cased, so ids compare equal however a client spells them. */
export const Uuid = z.uuid().toLowerCase();

/** Free text of a field: trimmed, not empty, bounded, and never a NUL byte (Postgres refuses those). */
export const Text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((v) => !v.includes('\u0000'), 'no NUL characters');
export const RoleSchema = z.enum(['admin', 'staff', 'customer']);
export const AccountStatus = z.enum(['active', 'suspended', 'pending']);

/** The signed-in caller, as the gateway resolves it from the session and sends with every request. */
export const PrincipalSchema = z.object({
  kind: z.enum(['user', 'customer']),
  id: Uuid,
  role: RoleSchema,
  branchIds: z.array(Uuid),
  /** SHA-256 of the session token (not the token itself). */
  sessionId: z.string().regex(/^[0-9a-f]{64}$/),
});
export type Principal = z.infer<typeof PrincipalSchema>;

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HASH_RE = /^[0-9a-f]{64}$/;
const KINDS = new Set(['user', 'customer']);
const ROLES = new Set(['admin', 'staff', 'customer']);

/**
 * Checks a value is a Principal, as PrincipalSchema does, without zod's per-call cost: it runs
 * on every request (session lookup in the gateway, envelope in every service).
 */
export function parsePrincipal(value: unknown): Principal | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.kind !== 'string' || !KINDS.has(v.kind)) return null;
  if (typeof v.role !== 'string' || !ROLES.has(v.role)) return null;
  if (typeof v.id !== 'string' || !UUID_RE.test(v.id)) return null;
  if (typeof v.sessionId !== 'string' || !HASH_RE.test(v.sessionId)) return null;
  if (!Array.isArray(v.branchIds) || !v.branchIds.every((b) => typeof b === 'string' && UUID_RE.test(b))) return null;
  // Lower case, as the Uuid schema gives every other id, so comparisons in the services see one spelling.
  return {
    kind: v.kind,
    id: v.id.toLowerCase(),
    role: v.role,
    branchIds: v.branchIds.map((b) => (b as string).toLowerCase()),
    sessionId: v.sessionId,
  } as Principal;
}

/** Paging query of every list: `?limit=` 1..100 (default 50) and an opaque `?cursor=`. */
/**
 * Up to 100 ids in one query parameter, comma-separated (`?ids=a,b,c`): what a page that shows
 * many rows asks for in one request instead of one per row.
 */
export const UuidList = z
  .string()
  .transform((value) => [...new Set(value.split(','))])
  .pipe(z.array(Uuid).min(1).max(100));

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z
    .string()
    .max(512)
    .regex(/^[A-Za-z0-9_-]*$/, 'cursor is malformed')
    .optional(),
});

/** A page of a list: items plus the cursor of the next page, or null at the end. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const Empty = z.strictObject({});
export const NoContent = z.null();

/** Encodes a list position as an opaque cursor. */
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** Decodes a cursor made by encodeCursor; returns undefined if it is not one. */
export function decodeCursor<T>(cursor: string | undefined, schema: z.ZodType<T>): T | undefined {
  if (!cursor) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Decodes a list's cursor; a cursor this list did not give out is a 400, never silently page one. */
export function decodeCursorOrThrow<T>(cursor: string | undefined, schema: z.ZodType<T>): T | undefined {
  const after = decodeCursor(cursor, schema);
  if (cursor && !after) {
    throw new DomainError('VALIDATION_FAILED', 'cursor is not one this list gave out', [
      { field: 'cursor', message: 'unknown cursor' },
    ]);
  }
  return after;
}

/** Cuts the `limit + 1` rows a keyset query fetched into a page and the cursor of the next one. */
export function pageFrom<R, T>(
  rows: R[],
  limit: number,
  toItem: (row: R) => T,
  cursorOf: (row: R) => unknown,
): { items: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page.map(toItem), nextCursor: rows.length > limit && last ? encodeCursor(cursorOf(last)) : null };
}
