/** True for Postgres unique-constraint violations (SQLSTATE 23505), wherever TypeORM wraps them. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string } } | null;
  return e?.code === '23505' || e?.driverError?.code === '23505';
}
