import { z } from 'zod';
import { schemaOf } from './json-schema.js';

describe('schemaOf', () => {
  it('writes a record over an enum as an object with every key a property, and nothing else', () => {
    const counts = z.object({ byStatus: z.record(z.enum(['open', 'closed']), z.number().int()) });
    const json = schemaOf(counts, 'output') as { properties: { byStatus: Record<string, unknown> } };
    expect(json.properties.byStatus).toEqual({
      type: 'object',
      properties: {
        open: expect.objectContaining({ type: 'integer' }),
        closed: expect.objectContaining({ type: 'integer' }),
      },
      required: ['open', 'closed'],
      additionalProperties: false,
    });
  });

  it('leaves a record over any string as it is', () => {
    expect(schemaOf(z.record(z.string(), z.boolean()), 'output')).toEqual({
      type: 'object',
      propertyNames: { type: 'string' },
      additionalProperties: { type: 'boolean' },
    });
  });
});
