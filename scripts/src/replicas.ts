/** How many replicas of a process `npm start` runs: `<NAME>_REPLICAS`, else `REPLICAS`, else one. */
export function replicasOf(name: string, env: NodeJS.ProcessEnv = process.env): number {
  const key = `${name.toUpperCase()}_REPLICAS`;
  const raw = env[key] || env.REPLICAS || '1';
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 16) {
    throw new Error(`${env[key] ? key : 'REPLICAS'}=${raw}: a whole number from 1 to 16`);
  }
  return n;
}

/**
 * Replica i's health port: the process's base port plus 100 per replica (3001, 3101, 3201 for
 * auth), so the replicas of one process never take the next process's port (3000 + 1 is auth's).
 */
export function replicaHealthPort(base: number, index: number): number {
  return base + 100 * index;
}

/**
 * What gateway replica i needs behind `npm start`'s balancer: its own port after the public one
 * (5001, 5002, …), the balancer (loopback) trusted for X-Forwarded-For, and the public origin
 * allowed (a gateway's default would be its own port's).
 */
export function behindBalancer(
  publicPort: number,
  index: number,
  env: NodeJS.ProcessEnv = process.env,
): NodeJS.ProcessEnv {
  const trusted = env.TRUSTED_PROXIES ? `${env.TRUSTED_PROXIES},127.0.0.1,::1` : '127.0.0.1,::1';
  return {
    PORT: String(publicPort + 1 + index),
    HOST: '127.0.0.1',
    TRUSTED_PROXIES: trusted,
    ALLOWED_ORIGINS: env.ALLOWED_ORIGINS || `http://localhost:${publicPort},http://127.0.0.1:${publicPort}`,
    // The balancer reads readiness every 200 ms: a stopping gateway serves on until it has moved on.
    SHUTDOWN_LAMEDUCK_MS: env.SHUTDOWN_LAMEDUCK_MS || '1000',
  };
}
