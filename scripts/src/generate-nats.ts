import { renderNatsAuthorization } from '@garage/shared';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from './processes.js';

/** Where the generated NATS users live: compose's config folder and the k8s base's NATS ConfigMap. */
export const NATS_AUTH_FILES = ['infra/nats/auth.conf', 'k8s/base/nats/auth.conf'];

/** Writes the NATS users and subject permissions derived from the contracts (prefix: NATS_PREFIX or garage). */
function main(): void {
  const text = renderNatsAuthorization(process.env.NATS_PREFIX || 'garage');
  for (const file of NATS_AUTH_FILES) {
    writeFileSync(resolve(ROOT, file), text);
    console.log(`wrote ${file}`);
  }
}

if (require.main === module) main();
