import type { OpeningHours as Hours } from '../api/types';

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
const DAY_NAMES: Record<(typeof DAYS)[number], string> = {
  monday: 'Mon',
  tuesday: 'Tue',
  wednesday: 'Wed',
  thursday: 'Thu',
  friday: 'Fri',
  saturday: 'Sat',
  sunday: 'Sun',
};

/** The week's hours, days with the same hours run together ("Mon–Fri 08:00–18:00"). */
export function openingHoursLines(hours: Hours): string[] {
  const lines: { from: string; to: string; text: string }[] = [];
  for (const day of DAYS) {
    const h = hours[day];
    const text = h ? `${h.open}–${h.close}` : 'closed';
    const last = lines[lines.length - 1];
    if (last && last.text === text) last.to = DAY_NAMES[day];
    else lines.push({ from: DAY_NAMES[day], to: DAY_NAMES[day], text });
  }
  return lines.map((l) => `${l.from === l.to ? l.from : `${l.from}–${l.to}`} ${l.text}`);
}

export function OpeningHours({ hours, zone }: { hours: Hours; zone: string }) {
  return (
    <div className="hours">
      <ul>
        {openingHoursLines(hours).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p className="zone">{zone}</p>
    </div>
  );
}
