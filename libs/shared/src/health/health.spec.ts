import type { AddressInfo } from 'node:net';
import { Metrics, startHealthServer } from './health.js';

describe('startHealthServer', () => {
  it('serves on /metrics what /health/ready checks: garage_dependency_up per dependency', async () => {
    let redisUp = false;
    const server = await startHealthServer({
      port: 0,
      host: '127.0.0.1',
      service: 'auth',
      checks: { database: async () => true, redis: async () => redisUp },
      metrics: new Metrics('auth'),
    });
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const dependencies = async () =>
        (await (await fetch(`${base}/metrics`)).text()).split('\n').filter((l) => l.startsWith('garage_dependency_up'));
      expect((await fetch(`${base}/health/ready`)).status).toBe(503);
      expect(await dependencies()).toEqual([
        'garage_dependency_up{dependency="database",service="auth"} 1',
        'garage_dependency_up{dependency="redis",service="auth"} 0',
      ]);
      redisUp = true;
      expect((await fetch(`${base}/health/ready`)).status).toBe(200);
      expect(await dependencies()).toContain('garage_dependency_up{dependency="redis",service="auth"} 1');
    } finally {
      await new Promise((done) => server.close(done));
    }
  });
});
