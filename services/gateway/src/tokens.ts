/** Injection tokens of the gateway's infrastructure. */
export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
export const REDIS = Symbol('REDIS');
export const NATS = Symbol('NATS');
export const WEB_FILES = Symbol('WEB_FILES');
