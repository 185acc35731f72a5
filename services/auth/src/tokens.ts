/** Injection token of the auth service's validated configuration. */
export const AUTH_CONFIG = Symbol('AUTH_CONFIG');
