import { z } from 'zod';

export type JsonSchema = Record<string, unknown>;

/**
 * A record keyed by an enum (`z.record(BookingStatus, …)`) holds every key: zod writes that as
 * `propertyNames` plus `required`, which leaves the required keys without a definition for OpenAPI
 * tools. Written as the object it is instead: one property per key, nothing else.
 */
function recordOverEnumAsObject(ctx: { zodSchema: unknown; jsonSchema: JsonSchema }): void {
  const { zodSchema, jsonSchema } = ctx;
  if (!(zodSchema instanceof z.ZodRecord) || !(zodSchema.keyType instanceof z.ZodEnum)) return;
  const value = jsonSchema.additionalProperties as JsonSchema;
  jsonSchema.properties = Object.fromEntries(zodSchema.keyType.options.map((key) => [String(key), value]));
  jsonSchema.additionalProperties = false;
  delete jsonSchema.propertyNames;
}

/** The JSON Schema (2020-12, as OpenAPI 3.1 takes it) of what a client sends (`input`) or receives (`output`). */
export function schemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', override: recordOverEnumAsObject }) as JsonSchema;
  delete json.$schema;
  return json;
}
