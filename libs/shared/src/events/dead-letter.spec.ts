import { QueryFailedError } from 'typeorm';
import { z } from 'zod';
import { DomainError } from '../errors.js';
import { deadLetterReason, isDeadLetterOf, unreadableText } from './dead-letter.js';

/** A pg error as the Sql layer throws it: QueryFailedError around the driver's error, with the statement. */
function queryFailed(code: string, message: string, constraint?: string): QueryFailedError {
  const driverError = Object.assign(new Error(message), { code, constraint });
  return new QueryFailedError('INSERT INTO inventory.reservations (booking_id) VALUES ($1)', ['secret'], driverError);
}

describe('deadLetterReason: a line safe to show an admin', () => {
  it.each<[string, unknown, string]>([
    ['a domain rule: its code and message', new DomainError('CONFLICT', 'Stock ran out'), 'CONFLICT: Stock ran out'],
    [
      'a database error: its SQLSTATE and constraint, never the statement, its values or the message',
      queryFailed('23514', 'new row for relation "reservations" violates check constraint "x" (secret)', 'no_poison'),
      'Database error (SQLSTATE 23514, constraint no_poison)',
    ],
    [
      'a database error without a constraint',
      queryFailed('42P01', 'relation "x" does not exist'),
      'Database error (SQLSTATE 42P01)',
    ],
    [
      'a database that is away: said so, whatever the driver said',
      Object.assign(new Error('connect ECONNREFUSED 10.0.0.7:5432'), { code: 'ECONNREFUSED' }),
      'A backing service is unavailable',
    ],
    [
      'an error of the code: its name and first line',
      new TypeError('x is undefined\n    at apply (a.ts:1)'),
      'TypeError: x is undefined',
    ],
    ['a message that carries SQL: the name only', new Error('failed: SELECT * FROM auth.users WHERE id = 1'), 'Error'],
    [
      'data that fails its schema: the first issue, not the whole JSON of them',
      z.object({ bookingId: z.uuid() }).safeParse({ bookingId: 'x' }).error,
      'Invalid event data: bookingId: Invalid UUID',
    ],
    ['not an Error at all', 'boom', 'Unknown error'],
  ])('%s', (_what, err, reason) => {
    expect(deadLetterReason(err)).toBe(reason);
  });

  it('is at most 200 characters, and never a stack', () => {
    const reason = deadLetterReason(new Error('x'.repeat(500)));
    expect(reason).toHaveLength(200);
    expect(reason).not.toMatch(/\bat\s/);
  });
});

describe('dead letters on the stream', () => {
  it("a durable's subjects are its own (a durable whose name starts like another's is not it)", () => {
    expect(isDeadLetterOf('p', 'inventory-bookings', 'p.dead-letters.inventory-bookings.booking.created')).toBe(true);
    expect(isDeadLetterOf('p', 'inventory', 'p.dead-letters.inventory-bookings.booking.created')).toBe(false);
    expect(isDeadLetterOf('q', 'inventory-bookings', 'p.dead-letters.inventory-bookings.booking.created')).toBe(false);
  });

  it('keeps the first 1,000 characters of an unreadable body', () => {
    expect(unreadableText(Buffer.from('not json'))).toBe('not json');
    expect(unreadableText(Buffer.from('é'.repeat(3000)))).toBe('é'.repeat(1000));
  });
});
