// Money and dates go through Intl, in the browser's language; times in the branch's own zone.

const money = new Map<string, Intl.NumberFormat>();
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * One Intl.DateTimeFormat per locale and options, made once: making one with a time zone costs
 * about a millisecond on a phone, and a page of slots or branches formats dozens of times.
 */
export function dateTimeFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let format = dateTimeFormats.get(key);
  if (!format) dateTimeFormats.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

/** 12345 cents in USD → "$123.45". */
export function formatMoney(cents: number, currency: string): string {
  let format = money.get(currency);
  if (!format) money.set(currency, (format = new Intl.NumberFormat(undefined, { style: 'currency', currency })));
  return format.format(cents / 100);
}

/** "09:30" in the branch's zone. */
export function formatTime(iso: string, timeZone: string): string {
  return dateTimeFormat(undefined, { timeZone, hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

/** "Tue 3 Dec 2026" in the branch's zone. */
export function formatDate(iso: string, timeZone: string): string {
  return dateTimeFormat(undefined, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(new Date(iso));
}

/** "Tue 3 Dec 2026, 09:30" in the branch's zone. */
export function formatDateTime(iso: string, timeZone: string): string {
  return `${formatDate(iso, timeZone)}, ${formatTime(iso, timeZone)}`;
}

/** "Tue 3 Dec 2026, 09:30:15" in a zone: a log's moments, to the second. */
export function formatDateTimeSeconds(iso: string, timeZone: string): string {
  const time = dateTimeFormat(undefined, { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return `${formatDate(iso, timeZone)}, ${time.format(new Date(iso))}`;
}

/** The browser's own time zone ("Europe/London"), for moments that belong to no branch (the audit log). */
export function localTimeZone(): string {
  return dateTimeFormat(undefined, {}).resolvedOptions().timeZone;
}

/** The zone's short name at that instant ("GMT", "EST", "GMT+1"). */
export function zoneAbbreviation(timeZone: string, at: Date = new Date()): string {
  const part = dateTimeFormat('en-US', { timeZone, timeZoneName: 'short' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** "London time (GMT)" from "Europe/London". */
export function zoneLabel(timeZone: string, at: Date = new Date()): string {
  const city = timeZone.split('/').pop()?.replace(/_/g, ' ') ?? timeZone;
  return `${city} time (${zoneAbbreviation(timeZone, at)})`;
}

/** Today's date (YYYY-MM-DD) in a zone. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return dateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** YYYY-MM-DD plus n days. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

let numbers: Intl.NumberFormat | undefined;
/** 1234 → "1,234" (mileage, counts). */
export function formatNumber(n: number): string {
  // Made on first use, not when the module loads: the first Intl object of a page costs the most.
  numbers ??= new Intl.NumberFormat();
  return numbers.format(n);
}

/** An odometer reading, or "not given" when nobody has told us yet. */
export function formatMileage(mileage: number | null | undefined): string {
  return mileage == null ? 'not given' : formatNumber(mileage);
}
