import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../errors';

/** GET /api/health (not in the OpenAPI document): the gateway and each service, up or down. */
export interface Health {
  status: string;
  timestamp?: string;
  database?: string;
  version?: string;
  environment?: string;
  redis?: string;
  nats?: string;
  services?: Record<string, string>;
  [key: string]: unknown;
}

/** A 503 still carries the body (status "degraded", what is down), so it is an answer, not an error. */
export function useHealth() {
  return useQuery({
    queryKey: ['health'],
    queryFn: async (): Promise<Health> => {
      let response: Response;
      try {
        response = await fetch('/api/health', { credentials: 'same-origin', headers: { accept: 'application/json' } });
      } catch {
        throw new ApiError(0, 'Cannot reach the server. Check your connection and try again.');
      }
      const body = (await response.json().catch(() => null)) as Health | null;
      if (body && typeof body.status === 'string') return body;
      throw new ApiError(response.status, 'The gateway did not answer with its health.');
    },
    refetchInterval: 15_000,
    retry: false,
  });
}
