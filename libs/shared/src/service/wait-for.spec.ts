import { isUnavailable, waitFor } from './wait-for.js';

const dnsNotYet = () => Object.assign(new Error('getaddrinfo EAI_AGAIN postgres'), { code: 'EAI_AGAIN' });
const wrongPassword = () =>
  Object.assign(new Error('password authentication failed for user "garage_auth"'), { code: '28P01' });

describe('waitFor', () => {
  it('retries a server that cannot be reached yet until it answers, telling about each wait', async () => {
    let calls = 0;
    const retried: unknown[] = [];
    const result = await waitFor(
      async () => {
        calls += 1;
        if (calls < 3) throw dnsNotYet();
        return 'connected';
      },
      { waitMs: 5000, intervalMs: 1, retryIf: isUnavailable, onRetry: (err) => retried.push(err) },
    );
    expect(result).toBe('connected');
    expect(calls).toBe(3);
    expect(retried).toHaveLength(2);
  });

  it('gives up at once on an error that waiting will not change', async () => {
    let calls = 0;
    const attempt = async () => {
      calls += 1;
      throw wrongPassword();
    };
    await expect(waitFor(attempt, { waitMs: 5000, intervalMs: 1, retryIf: isUnavailable })).rejects.toThrow(
      'password authentication failed',
    );
    expect(calls).toBe(1);
  });

  it('throws the last error once the time is up', async () => {
    let calls = 0;
    const attempt = async () => {
      calls += 1;
      throw dnsNotYet();
    };
    await expect(waitFor(attempt, { waitMs: 30, intervalMs: 5 })).rejects.toThrow('EAI_AGAIN');
    expect(calls).toBeGreaterThan(1);
  });
});
