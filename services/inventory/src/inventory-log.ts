/** Injection token of the service's pino logger (a type, so Nest cannot inject it by class). */
export const INVENTORY_LOG = Symbol('INVENTORY_LOG');
