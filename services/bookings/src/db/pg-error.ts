/** SQLSTATE and constraint name of a Postgres error, wherever TypeORM wrapped it. */
export function pgErrorOf(err: unknown): { code: string; constraint: string } {
  const e = err as { code?: unknown; constraint?: unknown; driverError?: { code?: unknown; constraint?: unknown } };
  const source = e?.driverError ?? e;
  return {
    code: typeof source?.code === 'string' ? source.code : '',
    constraint: typeof source?.constraint === 'string' ? source.constraint : '',
  };
}

/** 23P01: an exclusion constraint refused the row (the technician or bay is taken at that time). */
export function isExclusionViolation(err: unknown): boolean {
  return pgErrorOf(err).code === '23P01';
}

/** Deadlock or serialization failure: nothing wrong with the request, another try may succeed. */
export function isTransientConflict(err: unknown): boolean {
  return ['40P01', '40001'].includes(pgErrorOf(err).code);
}
