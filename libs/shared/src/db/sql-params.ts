/**
 * The parameters of a statement built piece by piece: `add` keeps a value and answers its
 * placeholder, so a condition is written where its value is, never counted by hand.
 *
 *   const p = new SqlParams();
 *   const limit = p.add(n + 1);
 *   const where = [q && `name ILIKE ${p.add(q)}`];
 *   sql.rows(`SELECT … ${whereAll(where)} LIMIT ${limit}`, p.values);
 */
export class SqlParams {
  private readonly list: unknown[] = [];

  /** Keeps the value; returns its placeholder (`$1`, `$2`, …). */
  add(value: unknown): string {
    return `$${this.list.push(value)}`;
  }

  /** The values, in placeholder order. */
  get values(): readonly unknown[] {
    return this.list;
  }
}

/** `WHERE a AND b …` of the conditions given (false, null, undefined and '' are left out); '' when none is left. */
export function whereAll(conditions: ReadonlyArray<string | false | null | undefined>): string {
  const kept = conditions.filter((c): c is string => Boolean(c));
  return kept.length ? `WHERE ${kept.join(' AND ')}` : '';
}
