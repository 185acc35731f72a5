import createClient from 'openapi-fetch';
import type { paths } from './schema';

/**
 * The typed API client: paths, parameters and bodies come from the gateway's OpenAPI document
 * (src/api/schema.d.ts, generated from the contracts in libs/shared). Same origin, so the
 * browser sends the HttpOnly session cookie; no token ever reaches JavaScript.
 */
export const api = createClient<paths>({
  baseUrl: '',
  credentials: 'same-origin',
  // Lists in a query are comma-separated (`serviceIds=a,b`), as the gateway reads them.
  querySerializer: { array: { style: 'form', explode: false } },
});
