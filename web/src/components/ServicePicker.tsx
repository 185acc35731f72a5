import type { ServiceOffering } from '../api/types';
import { Money } from './Money';

/** Services as checkboxes, grouped by category, each with its duration and pre-tax price. */
export function ServicePicker({
  services,
  chosen,
  currency,
  onChange,
  legend = 'Services',
}: {
  services: ServiceOffering[];
  chosen: string[];
  currency: string;
  onChange: (ids: string[]) => void;
  legend?: string;
}) {
  const active = services.filter((s) => s.active);
  const categories = [...new Set(active.map((s) => s.category))].sort();
  const toggle = (id: string, on: boolean) =>
    onChange(on ? [...chosen.filter((c) => c !== id), id] : chosen.filter((c) => c !== id));
  return (
    <fieldset className="choices">
      <legend>{legend}</legend>
      {categories.map((category) => (
        <div key={category} className="choice-group">
          <p className="choice-group-title">{category}</p>
          <ul>
            {active
              .filter((s) => s.category === category)
              .map((s) => (
                <li key={s.id}>
                  <label className="choice">
                    <input
                      type="checkbox"
                      checked={chosen.includes(s.id)}
                      onChange={(e) => toggle(s.id, e.target.checked)}
                      aria-describedby={`svc-${s.id}`}
                    />
                    <span className="choice-name">{s.name}</span>
                  </label>
                  <p id={`svc-${s.id}`} className="choice-detail">
                    {formatDuration(s.durationMinutes)} · <Money cents={s.priceCents} currency={currency} /> before tax
                    {s.description ? ` · ${s.description}` : ''}
                  </p>
                </li>
              ))}
          </ul>
        </div>
      ))}
    </fieldset>
  );
}

/** 90 → "1 h 30 min". */
export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h ? `${h} h` : '', m ? `${m} min` : ''].filter(Boolean).join(' ');
}
