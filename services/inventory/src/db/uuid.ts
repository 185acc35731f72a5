/**
 * A UUID as Postgres prints it (lower case). Requests may spell one in upper case, and every
 * comparison made in code (branch scoping, transfer lock order, repeated reservations) must see
 * one spelling per id.
 */
export function canonicalUuid(id: string): string {
  return id.toLowerCase();
}
