import { SqlParams, whereAll } from '@garage/shared';

/**
 * A keyset page of a table, newest or oldest first by a time column, optionally over some branches.
 * With branches, each branch's page is read through its own (branch_id, time) index and the pages
 * are merged: `branch_id = ANY(…) ORDER BY time` would walk the chain-wide index and filter,
 * reading far more than a page for a small branch of a large table.
 */
export class BranchPageQuery {
  private readonly params = new SqlParams();
  private readonly limit: string;
  private readonly where: string[] = [];
  private scope = '';

  constructor(limit: number) {
    this.limit = this.params.add(limit + 1);
  }

  /** The statement's values, in placeholder order. */
  get values(): readonly unknown[] {
    return this.params.values;
  }

  /** A condition with one parameter, e.g. `(n) => \`vehicle_id = ${n}\``. */
  add(condition: (placeholder: string) => string, value: unknown): this {
    this.where.push(condition(this.params.add(value)));
    return this;
  }

  /** Only these branches (null: the whole chain). */
  branches(branchIds: string[] | null): this {
    if (branchIds) {
      this.scope = `unnest(${this.params.add([...new Set(branchIds)])}::uuid[]) AS scope(branch_id)`;
      this.where.push('branch_id = scope.branch_id');
    }
    return this;
  }

  /** Rows after the cursor's (time, id) in the page's direction. */
  after(cursor: { t: string; id: string } | undefined, time: string, descending: boolean): this {
    if (cursor) {
      const [t, id] = [this.params.add(cursor.t), this.params.add(cursor.id)];
      this.where.push(`(${time}, id) ${descending ? '<' : '>'} (${t}::timestamptz, ${id}::uuid)`);
    }
    return this;
  }

  /** The statement: `columns` of `table`, ordered by (time, id). */
  sql(columns: string, table: string, time: string, descending: boolean): string {
    const dir = descending ? 'DESC' : 'ASC';
    const page = `SELECT ${columns} FROM ${table} ${whereAll(this.where)}
       ORDER BY ${time} ${dir}, id ${dir} LIMIT ${this.limit}`;
    return this.scope
      ? `SELECT p.* FROM ${this.scope} CROSS JOIN LATERAL (${page}) p ORDER BY p.${time} ${dir}, p.id ${dir} LIMIT ${this.limit}`
      : page;
  }
}
