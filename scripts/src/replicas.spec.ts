import { behindBalancer, replicaHealthPort, replicasOf } from './replicas.js';

describe('npm start replicas', () => {
  it('counts one of each by default, REPLICAS for all, <NAME>_REPLICAS for one', () => {
    expect(replicasOf('bookings', {})).toBe(1);
    expect(replicasOf('bookings', { REPLICAS: '2' })).toBe(2);
    expect(replicasOf('bookings', { REPLICAS: '2', BOOKINGS_REPLICAS: '3' })).toBe(3);
    expect(replicasOf('auth', { REPLICAS: '2', BOOKINGS_REPLICAS: '3' })).toBe(2);
  });

  it.each(['0', '-1', '1.5', 'two', '17'])('refuses REPLICAS=%s, naming the variable', (value) => {
    expect(() => replicasOf('gateway', { GATEWAY_REPLICAS: value })).toThrow(`GATEWAY_REPLICAS=${value}`);
  });

  it("puts replicas' health ports 100 apart, clear of the next process's port", () => {
    expect([0, 1, 2].map((i) => replicaHealthPort(3001, i))).toEqual([3001, 3101, 3201]);
  });

  it('gives gateways behind the balancer the ports after the public one, loopback trusted, the public origin, a lame-duck second', () => {
    expect(behindBalancer(5000, 1, { TRUSTED_PROXIES: '10.0.0.0/8' })).toEqual({
      PORT: '5002',
      HOST: '127.0.0.1',
      TRUSTED_PROXIES: '10.0.0.0/8,127.0.0.1,::1',
      ALLOWED_ORIGINS: 'http://localhost:5000,http://127.0.0.1:5000',
      SHUTDOWN_LAMEDUCK_MS: '1000',
    });
  });
});
