/** Injection tokens of the gateway's infrastructure. */
export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
export const REDIS = Symbol('REDIS');
export const NATS = Symbol('NATS');
