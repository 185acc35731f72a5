import { z } from 'zod';

export const Uuid = z.uuid();
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

/** Paging query of every list: `?limit=` 1..100 (default 50) and an opaque `?cursor=`. */
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
