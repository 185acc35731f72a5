import { useQuery } from '@tanstack/react-query';
import { api } from '../client';
import { ApiError } from '../errors';
import type { operations } from '../schema';

/** GET /api/health: the gateway, Redis, NATS and each service, up or down. */
export type Health = operations['gateway.api-health']['responses'][200]['content']['application/json'];

/** A 503 still carries the body (status "degraded", what is down), so it is an answer, not an error. */
export function useHealth() {
  return useQuery({
    queryKey: ['health'],
    queryFn: async (): Promise<Health> => {
      const result = await api.GET('/api/health').catch(() => {
        throw new ApiError(0, 'Cannot reach the server. Check your connection and try again.');
      });
      const body = result.data ?? result.error;
      if (body && typeof body === 'object' && 'status' in body) return body;
      throw new ApiError(result.response.status, 'The gateway did not answer with its health.');
    },
    refetchInterval: 15_000,
    retry: false,
  });
}
