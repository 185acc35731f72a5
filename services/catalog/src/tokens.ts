/** Injection tokens for the infrastructure the catalog service is built on. */
export const CATALOG_CONFIG = Symbol('CATALOG_CONFIG');
