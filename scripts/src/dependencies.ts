import { connect as netConnect } from 'node:net';

export interface Dependency {
  name: string;
  url: string;
  defaultPort: number;
  howToStart: string;
}

/** The backing servers of the system and the command that starts each on this kind of machine. */
export function dependencies(env: NodeJS.ProcessEnv = process.env): Dependency[] {
  return [
    {
      name: 'PostgreSQL',
      url: env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/garage',
      defaultPort: 5432,
      howToStart:
        'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start   (or: sudo systemctl start postgresql)',
    },
    {
      name: 'Redis',
      url: env.REDIS_URL || 'redis://127.0.0.1:6379/0',
      defaultPort: 6379,
      howToStart: 'redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no',
    },
    {
      name: 'NATS (with JetStream)',
      url: (env.NATS_URL || 'nats://127.0.0.1:4222').split(',')[0],
      defaultPort: 4222,
      howToStart:
        'start-stop-daemon --start --oknodo --background --exec /usr/sbin/nats-server -- -a 127.0.0.1 -p 4222 -js -sd /var/lib/nats-server',
    },
  ];
}

/** True if a TCP connection to the dependency's host and port succeeds within the timeout. */
export function reachable(dep: Dependency, timeoutMs = 2000): Promise<boolean> {
  const url = new URL(dep.url);
  const host = url.hostname || '127.0.0.1';
  const port = Number(url.port) || dep.defaultPort;
  return new Promise((resolve) => {
    const socket = netConnect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Lists the dependencies that cannot be reached, with how to start each. */
export async function missingDependencies(env: NodeJS.ProcessEnv = process.env): Promise<Dependency[]> {
  const deps = dependencies(env);
  const states = await Promise.all(deps.map((d) => reachable(d)));
  return deps.filter((_, i) => !states[i]);
}
