import { z } from 'zod';
import { DomainError, bookings, issuesToDetails, type MessageContract } from '@garage/shared';
import type { GatewayRequest } from './gateway-request.js';

export interface HeaderField {
  header: string;
  /** For the OpenAPI document. */
  description: string;
}

/**
 * Payload fields a client sends as an HTTP header, by contract pattern and field. The gateway
 * copies the header into the payload (a body carrying the field is refused: the header is the one
 * way in), and the OpenAPI document shows a header parameter instead of a body field.
 */
export const HEADER_FIELDS: Readonly<Record<string, Readonly<Record<string, HeaderField>>>> = {
  [bookings.createBooking.pattern]: {
    idempotencyKey: {
      header: 'Idempotency-Key',
      description:
        'Optional, printable ASCII, at most 200 characters. The same key from the same account within 24 h answers the first booking instead of making another; the same key with a different body is 422.',
    },
  },
};

/** The schema of one payload field of a contract (undefined if the request is not an object). */
export function fieldSchema(contract: MessageContract, field: string): z.ZodType | undefined {
  return contract.request instanceof z.ZodObject
    ? (contract.request.shape as Record<string, z.ZodType>)[field]
    : undefined;
}

/** The header-borne fields of a request, validated with the contract's own field schemas (400 with details). */
export function headerFieldsOf(
  contract: MessageContract,
  req: GatewayRequest,
  fields: Record<string, unknown>,
): Record<string, unknown> {
  const bound = HEADER_FIELDS[contract.pattern];
  if (!bound) return {};
  const values: Record<string, unknown> = {};
  for (const [field, { header }] of Object.entries(bound)) {
    if (Object.hasOwn(fields, field)) {
      throw new DomainError('VALIDATION_FAILED', `Send ${header} as a header, not in the body`, [
        { field, message: `not accepted in the body; use the ${header} header` },
      ]);
    }
    const raw = req.headers[header.toLowerCase()];
    if (raw === undefined) continue;
    const parsed = (fieldSchema(contract, field) ?? z.never()).safeParse(raw);
    if (!parsed.success) {
      // A repeated header arrives as an array: say so rather than "expected string".
      const details = Array.isArray(raw)
        ? [{ field: header, message: 'send the header once' }]
        : issuesToDetails(parsed.error).map((d) => ({ field: header, message: d.message }));
      throw new DomainError('VALIDATION_FAILED', `Invalid ${header} header`, details);
    }
    values[field] = parsed.data;
  }
  return values;
}
