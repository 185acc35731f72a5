import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The Prometheus text a running process serves on its health port's /metrics (its server, or the port). */
export async function scrape(health: Server | number): Promise<string> {
  const port = typeof health === 'number' ? health : (health.address() as AddressInfo).port;
  const res = await fetch(`http://127.0.0.1:${port}/metrics`);
  if (!res.ok) throw new Error(`/metrics answered ${res.status}`);
  return res.text();
}

/** The value of the series `name` with these labels (others may be there too), 0 when it has none yet. */
export function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = (match[2] ?? '').split(/,(?=[a-zA-Z_]\w*=")/);
    if (wanted.every((w) => have.includes(w))) return Number(match[3]);
  }
  return 0;
}
