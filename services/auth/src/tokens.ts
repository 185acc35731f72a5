/** Injection tokens for the infrastructure the auth service is built on. */
export const AUTH_CONFIG = Symbol('AUTH_CONFIG');
export const DATA_SOURCE = Symbol('DATA_SOURCE');
export const REDIS = Symbol('REDIS');
export const NATS = Symbol('NATS');
export const LOGGER = Symbol('LOGGER');
