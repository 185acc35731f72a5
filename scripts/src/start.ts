import { ensureDatabase, maskSecrets } from '@garage/shared';
import { missingDependencies } from './dependencies.js';
import { SERVICES } from './services.js';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT, startService, stopAll, waitForHttp, type ServiceProcess } from './processes.js';
import { startBalancer, type Balancer } from './balancer.js';
import { behindBalancer, replicaHealthPort, replicasOf } from './replicas.js';
import { logFormatOf } from './pretty-logs.js';

async function main(): Promise<void> {
  // Like the original guide: settings may live in a .env file next to package.json.
  if (existsSync(resolve(ROOT, '.env'))) process.loadEnvFile(resolve(ROOT, '.env'));
  const missing = await missingDependencies();
  if (missing.length) {
    for (const dep of missing) {
      process.stderr.write(
        `\n✗ Cannot reach ${dep.name} at ${new URL(dep.url).host}. Start it with:\n    ${dep.howToStart}\n`,
      );
    }
    process.stderr.write('\nThen run `npm start` again.\n');
    process.exit(1);
  }
  const databaseUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/garage';
  if (await ensureDatabase(databaseUrl)) console.log(`Created database ${new URL(databaseUrl).pathname.slice(1)}`);

  const procs: ServiceProcess[] = [];
  let balancer: Balancer | undefined;
  // Readable lines in a terminal; JSON lines, as the services write them, into files and pipes.
  const output = logFormatOf(process.env, Boolean(process.stdout.isTTY)) === 'pretty' ? 'pretty' : 'inherit';
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    await stopAll(procs);
    await balancer?.close();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  try {
    const healthPorts: string[] = [];
    for (const service of SERVICES) {
      const base = Number(process.env[`${service.name.toUpperCase()}_HEALTH_PORT`] || service.healthPort);
      for (let i = 0; i < replicasOf(service.name); i++) {
        const port = replicaHealthPort(base, i);
        const proc = startService(service.name, { HEALTH_PORT: String(port) }, output);
        procs.push(proc);
        await waitForHttp(`http://127.0.0.1:${port}/health/ready`, proc, 60_000);
        healthPorts.push(`${service.name}#${i + 1} :${port}`);
      }
    }
    const port = Number(process.env.PORT || 5000);
    const gatewayHealthPort = Number(process.env.GATEWAY_HEALTH_PORT || 3000);
    const gateways = replicasOf('gateway');
    for (let i = 0; i < gateways; i++) {
      const healthPort = replicaHealthPort(gatewayHealthPort, i);
      const gateway = startService(
        'gateway',
        {
          HEALTH_PORT: String(healthPort),
          ...(gateways > 1 ? behindBalancer(port, i) : {}),
        },
        output,
      );
      procs.push(gateway);
      await waitForHttp(`http://127.0.0.1:${healthPort}/health/ready`, gateway, 60_000);
      healthPorts.push(`gateway#${i + 1} :${healthPort}`);
    }
    if (gateways > 1) {
      balancer = await startBalancer({
        port,
        host: process.env.HOST || '0.0.0.0',
        upstreams: Array.from({ length: gateways }, (_, i) => ({
          port: port + 1 + i,
          healthPort: replicaHealthPort(gatewayHealthPort, i),
        })),
      });
    }
    await waitForHttp(`http://127.0.0.1:${port}/api/health`, procs[procs.length - 1]!, 60_000);
    for (const p of procs) {
      void p.exited.then((code) => {
        if (stopping) return;
        console.error(`${p.name} exited (${code})`);
        void stop(1);
      });
    }
    const production = /^(true|1|yes)$/.test(process.env.PRODUCTION ?? '');
    console.log(`
Garage chain is running: http://localhost:${port}
  Customers:     http://localhost:${port}/          (book, my cars, my bookings)
  Service desk:  http://localhost:${port}/staff     (day board, bookings, parts…)
  API docs:      http://localhost:${port}/api/docs
  Health:        http://localhost:${port}/health
  Health ports:  ${healthPorts.join(', ')}
${
  production
    ? ''
    : `  Demo logins (development only):
    Admin:    admin / admin123                    /staff/sign-in  or  POST /api/login
    Customer: john.smith@email.com / customer123  /sign-in        or  POST /api/customer-login
`
}Press Ctrl-C to stop.`);
  } catch (err) {
    console.error(`Start-up failed: ${maskSecrets((err as Error).message)}`);
    await stop(1);
  }
}

void main();
