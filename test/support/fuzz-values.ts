import fc from 'fast-check';

/**
 * Values for the route fuzzer (fuzz-requests.ts), as the text a client would send: JSON fragments
 * for bodies, plain strings for queries, paths and headers. Each field gets either something its
 * JSON Schema allows, chosen at the edges (so the request gets past validation and reaches a
 * service and the database), or something hostile: the wrong type, a huge number, deep nesting, a
 * long string, unicode edge cases and NUL, prototype keys and duplicate keys.
 */
export type JsonSchema = Record<string, unknown>;

/**
 * What exists, so some requests hit real rows: ids by kind (`branches`, `vehicles`…) and values of
 * unique fields by field name (`sku`, `email`…), which make duplicates and conflicts.
 */
export interface Known {
  ids: Readonly<Record<string, readonly string[]>>;
  values: Readonly<Record<string, readonly string[]>>;
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** Strings that have broken parsers, databases and log lines before. */
const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffx',
  '\ufeffBOM',
  '\u202egnp.exe',
  '\u200d\u200b\u2060',
  '\uffff\ufffe',
  '\u2028\u2029',
  '😀👨‍👩‍👧‍👦',
  'e\u0301\u0301\u0301',
  'İıßẞǅ',
  '\t\r\n',
  "'; DROP TABLE auth.users; --",
  '%00%ff%c0%80',
  '${7*7}{{7*7}}',
  '../../../../etc/passwd',
  '<script>alert(1)</script>',
  '\\',
  '"',
  '__proto__',
  'constructor',
  'prototype',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '99999999999999999999999',
  '2147483648',
  '0x1F',
  'true',
  '[]',
  '{}',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '00000000-0000-0000-0000-000000000000',
  'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF',
  '0000-01-01T00:00:00Z',
  '275760-09-13T00:00:00.001Z',
  '2026-02-30',
  '9999-12-31T23:59:59.999999999+23:59',
];

const REPEATED = ['A', 'é', '😀', '\u0000', 'Z\u0336', '%', ' '];

/** A long string (most under the body limit, some over it once wrapped in a body). */
const longString = fc
  .tuple(
    fc.constantFrom(...REPEATED),
    fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 256, max: 3_000 }) }, fc.integer({ min: 3_000, max: 40_000 })),
  )
  .map(([unit, n]) => unit.repeat(Math.ceil(n / unit.length)));

/** Any string, a nasty one, or a long one. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: longString },
);

/** JSON number tokens a JavaScript value cannot hold exactly, or at all. */
const NUMBER_TOKENS = [
  '0',
  '-0',
  '-1',
  '0.5',
  '1e309',
  '-1e309',
  '1e-400',
  '2147483648',
  '-2147483649',
  '9007199254740993',
  '123456789012345678901234567890',
  '1E+2',
  '0.1e1',
];

/** Nesting far deeper than any schema: arrays, objects, or both. */
const deepNesting = fc
  .tuple(fc.integer({ min: 8, max: 5_000 }), fc.constantFrom('array', 'object', 'mixed'))
  .map(([depth, kind]) => {
    if (kind === 'array') return '['.repeat(depth) + ']'.repeat(depth);
    if (kind === 'object') return '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
    return '[{"a":'.repeat(depth) + 'null' + '}]'.repeat(depth);
  });

/** Objects that try to reach Object.prototype or a constructor. */
const PROTOTYPE_OBJECTS = [
  '{"__proto__":{"role":"admin","isAdmin":true}}',
  '{"constructor":{"prototype":{"role":"admin"}}}',
  '{"__proto__":null}',
  '{"prototype":{"polluted":1}}',
  '{"__proto__":{"__proto__":{"x":1}}}',
  '{"toString":"x","valueOf":1,"hasOwnProperty":null}',
];

const jsonString = (s: string) => JSON.stringify(s);

/** Keys that have no business in a body: prototype keys, oddities and strangers. */
const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'role', 'status', 'id', 'isAdmin', '', '$where', 'a.b'),
  fc.string({ unit: 'binary', maxLength: 12 }),
);

/** A hostile JSON value: wrong types, huge numbers, deep nesting, nasty strings, prototype objects. */
export const hostileJson: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 3, arbitrary: fc.constantFrom('null', 'true', 'false', '[]', '{}', '""', ...NUMBER_TOKENS) },
    { weight: 3, arbitrary: hostileString.map(jsonString) },
    { weight: 1, arbitrary: deepNesting },
    { weight: 1, arbitrary: fc.constantFrom(...PROTOTYPE_OBJECTS) },
    { weight: 1, arbitrary: fc.array(tie('value'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`) },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.tuple(hostileKey, tie('value')), { maxLength: 3 })
        .map((pairs) => `{${pairs.map(([k, v]) => `${jsonString(k)}:${v}`).join(',')}}`),
    },
  ),
})).value;

/** The kind of thing an id field or path names, from its name: `vehicleId` → `vehicles`. */
export function idKindOf(name: string): string | undefined {
  const stem = name.replace(/Ids?$/, '').replace(/^(from|to)(?=[A-Z])/, '');
  const kind = stem.charAt(0).toLowerCase() + stem.slice(1);
  const plural: Record<string, string> = {
    branch: 'branches',
    vehicle: 'vehicles',
    service: 'services',
    technician: 'technicians',
    customer: 'customers',
    booking: 'bookings',
    part: 'parts',
    user: 'users',
  };
  return plural[kind];
}

/** A UUID: a real id of the kind when there is one, or any real id, or one that names nothing. */
export function uuidFor(known: Known, kind: string | undefined): fc.Arbitrary<string> {
  const own = (kind && known.ids[kind]) || [];
  const all = Object.values(known.ids).flat();
  const choices: Array<fc.WeightedArbitrary<string>> = [{ weight: 2, arbitrary: fc.uuid({ version: 4 }) }];
  if (own.length) {
    choices.push({ weight: 4, arbitrary: fc.constantFrom(...own) });
    choices.push({ weight: 1, arbitrary: fc.constantFrom(...own).map((id) => id.toUpperCase()) });
  }
  if (all.length) choices.push({ weight: 1, arbitrary: fc.constantFrom(...all) });
  return fc.oneof(...choices);
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** Times near today (where bookings and availability live), on the hour or not, as ISO text. */
const nearNow = fc
  .tuple(fc.integer({ min: -30 * 24, max: 120 * 24 }), fc.constantFrom(0, 0, 0, 15, 7))
  .map(([hours, minutes]) => new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS + hours * HOUR_MS + minutes * 60_000));

/**
 * A string for a pattern: anything it matches, and, when it takes dates or times (today's would
 * pass), dates near today and the ends of the calendar.
 */
function patterned(pattern: string): fc.Arbitrary<string> {
  const re = new RegExp(pattern);
  const today = new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS);
  for (const width of [24, 10]) {
    if (!re.test(today.toISOString().slice(0, width))) continue;
    const near = nearNow.map((d) => d.toISOString().slice(0, width));
    const ends = ['0000-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z'].map((d) => d.slice(0, width));
    return fc.oneof(near, fc.constantFrom(...ends), fc.stringMatching(re));
  }
  return fc.stringMatching(re);
}

/**
 * A paging cursor as a list would give it out (base64url of a small JSON object of a position:
 * names, times, ids) but with values it never wrote: what a client that decodes cursors can send.
 */
const craftedCursor: fc.Arbitrary<string> = fc
  .dictionary(
    fc.constantFrom('id', 't', 'n', 'u', 'l', 'f', 'after'),
    fc.oneof(
      hostileString,
      fc.uuid({ version: 4 }),
      fc.constantFrom('0000-01-01T00:00:00Z', '9999-12-31T23:59:59.999Z', '2026-02-30T00:00:00Z', 1e308, -1, null),
    ),
    { minKeys: 1, maxKeys: 4 },
  )
  .map((position) => Buffer.from(JSON.stringify(position)).toString('base64url'));

/** A string the schema allows, at its edges: bounds, patterns, formats, and unicode inside them. */
export function validString(schema: JsonSchema, known: Known, field: string | undefined): fc.Arbitrary<string> {
  const values = schema.enum as string[] | undefined;
  if (values?.length) return fc.constantFrom(...values);
  if (schema.format === 'uuid') return uuidFor(known, field && idKindOf(field));
  const existing = (field && known.values[field]) || [];
  if (existing.length) {
    const fresh = validString(schema, known, undefined);
    return fc.oneof(fc.constantFrom(...existing), fresh);
  }
  if (schema.format === 'email') {
    return fc.oneof(
      { weight: 3, arbitrary: fc.stringMatching(/^[a-z0-9._+-]{1,20}@[a-z0-9-]{1,12}\.(com|org|co\.uk)$/) },
      { weight: 1, arbitrary: fc.emailAddress() },
      { weight: 1, arbitrary: fc.constantFrom('a@b', 'A@EXAMPLE.COM', ' x@example.com', 'x@example.com\u0000') },
    );
  }
  if (field === 'cursor') return fc.oneof(fc.stringMatching(new RegExp(String(schema.pattern ?? '.*'))), craftedCursor);
  if (typeof schema.pattern === 'string') return patterned(schema.pattern);
  if (schema.format === 'date-time') return nearNow.map((d) => d.toISOString());
  const min = (schema.minLength as number | undefined) ?? 0;
  const max = (schema.maxLength as number | undefined) ?? 4_000;
  const short = Math.min(max, min + 40);
  return fc.oneof(
    fc.string({ unit: 'grapheme', minLength: min, maxLength: short }),
    fc.string({ unit: 'binary', minLength: min, maxLength: short }),
    fc.constantFrom(...REPEATED).map((unit) => unit.repeat(Math.max(1, Math.floor(max / unit.length)))),
    fc.constantFrom(...NASTY_STRINGS).map((s) => s.padEnd(min, 'x').slice(0, max)),
  );
}

/** A number the schema allows: its bounds, zero, the int32 edges, and anything between. */
export function validNumber(schema: JsonSchema): fc.Arbitrary<number> {
  const integer = schema.type === 'integer';
  const min = Math.max((schema.minimum as number | undefined) ?? -MAX_SAFE, -MAX_SAFE);
  const max = Math.min((schema.maximum as number | undefined) ?? MAX_SAFE, MAX_SAFE);
  const edges = [min, max, 0, 1, -1, 2 ** 31 - 1, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 - 1].filter(
    (n) => n >= min && n <= max,
  );
  const between = integer
    ? fc.integer({ min: Math.max(min, -(2 ** 31)), max: Math.min(max, 2 ** 31 - 1) })
    : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  return fc.oneof(fc.constantFrom(...edges), between);
}

interface Context {
  known: Known;
  field?: string;
  /** Inside another object: strangers and repeats are rarer there, or no nested body would ever pass. */
  nested?: boolean;
}

/** JSON text of a value that fits the schema (not always: `anyOf` and bounds are taken at face value). */
export function validJson(schema: JsonSchema, ctx: Context): fc.Arbitrary<string> {
  const alternatives = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => validJson(s, ctx)));
  if ('const' in schema) return fc.constant(JSON.stringify(schema.const));
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string | undefined];
  if (types.length > 1) return fc.oneof(...types.map((type) => validJson({ ...schema, type }, ctx)));
  switch (types[0]) {
    case 'string':
      return validString(schema, ctx.known, ctx.field).map(jsonString);
    case 'integer':
    case 'number':
      return validNumber(schema).map((n) => JSON.stringify(n));
    case 'boolean':
      return fc.boolean().map(String);
    case 'null':
      return fc.constant('null');
    case 'array': {
      const items = (schema.items as JsonSchema | undefined) ?? {};
      const minLength = (schema.minItems as number | undefined) ?? 0;
      const maxLength = Math.min((schema.maxItems as number | undefined) ?? 6, 25);
      return fc
        .array(valueJson(items, ctx), { minLength, maxLength, size: 'small' })
        .map((values) => `[${values.join(',')}]`);
    }
    case 'object':
      return objectJson(schema, ctx);
    default:
      return hostileJson;
  }
}

/** JSON text of a field's value: mostly valid at the edges, sometimes hostile. */
export function valueJson(schema: JsonSchema, ctx: Context): fc.Arbitrary<string> {
  return fc.oneof({ weight: 8, arbitrary: validJson(schema, ctx) }, { weight: 1, arbitrary: hostileJson });
}

/**
 * JSON text of an object for the schema, written by hand so it can say what JSON.stringify cannot:
 * the same key twice, a `__proto__` of its own, a required field left out, a stranger let in.
 */
export function objectJson(schema: JsonSchema, ctx: Context): fc.Arbitrary<string> {
  const properties = (schema.properties as Record<string, JsonSchema> | undefined) ?? {};
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const fields = Object.entries(properties).map(([name, s]) =>
    fc.record({
      // A required field is there 19 times in 20; an optional one half the time.
      present: required.has(name) ? fc.integer({ min: 0, max: 19 }).map((n) => n > 0) : fc.boolean(),
      pair: valueJson(s, { ...ctx, field: name, nested: true }).map((value) => [name, value] as [string, string]),
    }),
  );
  const strangers = fc.array(fc.tuple(hostileKey, hostileJson), { maxLength: 2 });
  const odds = ctx.nested ? 40 : 8;
  // A repeat of a field, with another value: which one wins is the parser's choice.
  const repeats = fc.array(fc.tuple(fc.constantFrom(...Object.keys(properties), '__proto__'), hostileJson), {
    maxLength: Object.keys(properties).length ? 2 : 0,
  });
  return fc
    .record({
      fields: fc.tuple(...fields),
      strangers: fc.oneof({ weight: odds, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: strangers }),
      repeats: fc.oneof({ weight: odds, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: repeats }),
    })
    .map(({ fields: chosen, strangers: extra, repeats: again }) => {
      const pairs = [...chosen.filter((f) => f.present).map((f) => f.pair), ...extra, ...again];
      return `{${pairs.map(([k, v]) => `${jsonString(k)}:${v}`).join(',')}}`;
    });
}

/** A query or path value the schema allows (arrays as `a,b`), or a hostile string. */
export function queryValue(schema: JsonSchema, ctx: Context): fc.Arbitrary<string> {
  const valid = (): fc.Arbitrary<string> => {
    if (schema.type === 'array') {
      const items = (schema.items as JsonSchema | undefined) ?? {};
      const maxLength = Math.min((schema.maxItems as number | undefined) ?? 6, 25);
      return fc
        .array(queryValue(items, ctx), { minLength: (schema.minItems as number | undefined) ?? 0, maxLength })
        .map((values) => values.join(','));
    }
    if (schema.type === 'integer' || schema.type === 'number') return validNumber(schema).map(String);
    if (schema.type === 'boolean') return fc.constantFrom('true', 'false');
    return validString(schema, ctx.known, ctx.field);
  };
  return fc.oneof({ weight: 8, arbitrary: valid() }, { weight: 1, arbitrary: hostileString });
}

const HEADER_CHARS = ['\t', ...Array.from({ length: 95 }, (_, i) => String.fromCharCode(0x20 + i))];
const LATIN1_HIGH = Array.from({ length: 128 }, (_, i) => String.fromCharCode(0x80 + i));

/** A header value: anything a header may carry (visible ASCII, tabs, obs-text bytes), short or long. */
export const headerValue: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: fc.constantFrom(...HEADER_CHARS, ...LATIN1_HIGH), maxLength: 60 }),
  fc.constantFrom('', ' ', 'null', '__proto__', 'x'.repeat(9_000), '1.2.3.4, 5.6.7.8, ::1', '999.1.1.1', 'ÿ\u00ff'),
);

/**
 * Percent-encodes any string, lone surrogates included (encodeURIComponent throws on those): they
 * go as the bytes WTF-8 would give them, which no UTF-8 decoder accepts.
 */
export function percentEncode(text: string): string {
  return text.replace(/[^]/gu, (ch) => {
    const unit = ch.charCodeAt(0);
    if (ch.length === 1 && unit >= 0xd800 && unit <= 0xdfff) {
      const bytes = [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)];
      return bytes.map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    }
    return encodeURIComponent(ch);
  });
}
