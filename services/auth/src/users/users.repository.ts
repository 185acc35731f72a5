import { Injectable } from '@nestjs/common';
import {
  decodeCursorOrThrow,
  escapeLike,
  pageFrom,
  Sql,
  SqlParams,
  whereAll,
  type Queryable,
  type User,
} from '@garage/shared';
import { z } from 'zod';

export type StaffRole = 'admin' | 'staff';
export type AccountStatus = 'active' | 'suspended' | 'pending';

interface UserRow {
  id: string;
  username: string;
  role: StaffRole;
  branch_ids: string[];
  status: AccountStatus;
  created_at: Date;
}

/** An admin or staff account with its password hash: for sign-in and password checks only, never sent. */
export interface UserAccount {
  id: string;
  username: string;
  role: StaffRole;
  branchIds: string[];
  status: AccountStatus;
  passwordHash: string;
}

export type NewUser = Omit<UserAccount, 'id'>;

const USER_COLUMNS = 'id, username, role, branch_ids, status, created_at';
const ACCOUNT_COLUMNS = `${USER_COLUMNS}, password_hash`;
const Cursor = z.object({ u: z.string(), id: z.uuid() });

/** Staff/admin accounts in Postgres (plain SQL rows; the hot read by id is a prepared statement). */
@Injectable()
export class UsersRepository {
  constructor(private readonly sql: Sql) {}

  async findById(id: string): Promise<User | null> {
    const row = await this.sql.one<UserRow>(`SELECT ${USER_COLUMNS} FROM auth.users WHERE id = $1`, [id], {
      name: 'auth.users.by-id',
    });
    return row ? toUser(row) : null;
  }

  /** The account with its password hash, for sign-in only. */
  async findForLogin(username: string): Promise<UserAccount | null> {
    const row = await this.sql.one<UserRow & { password_hash: string }>(
      `SELECT ${ACCOUNT_COLUMNS} FROM auth.users WHERE lower(username) = lower($1)`,
      [username],
    );
    return row ? toAccount(row) : null;
  }

  /** The account with its password hash, for a password change. */
  async findAccount(id: string): Promise<UserAccount | null> {
    const row = await this.sql.one<UserRow & { password_hash: string }>(
      `SELECT ${ACCOUNT_COLUMNS} FROM auth.users WHERE id = $1`,
      [id],
    );
    return row ? toAccount(row) : null;
  }

  async insert(user: NewUser, on: Queryable = this.sql): Promise<User> {
    const row = await on.one<UserRow>(
      `INSERT INTO auth.users (username, role, branch_ids, status, password_hash)
       VALUES ($1, $2, $3, $4, $5) RETURNING ${USER_COLUMNS}`,
      [user.username, user.role, user.branchIds, user.status, user.passwordHash],
    );
    return toUser(row!);
  }

  /**
   * Sets role, branches and status only (never a stale copy of the other columns); returns the
   * account and what those three were just before (for the audit log), or null if there is none.
   */
  async updateAccess(
    id: string,
    change: { role: StaffRole; branchIds: string[]; status: AccountStatus },
    on: Queryable = this.sql,
  ): Promise<{ user: User; before: Pick<User, 'role' | 'branchIds' | 'status'> } | null> {
    const row = await on.one<UserRow & { old_role: StaffRole; old_branch_ids: string[]; old_status: AccountStatus }>(
      `WITH old AS (SELECT id, role, branch_ids, status FROM auth.users WHERE id = $1 FOR UPDATE)
       UPDATE auth.users u SET role = $2, branch_ids = $3, status = $4, updated_at = now() FROM old WHERE u.id = old.id
       RETURNING u.id, u.username, u.role, u.branch_ids, u.status, u.created_at,
                 old.role AS old_role, old.branch_ids AS old_branch_ids, old.status AS old_status`,
      [id, change.role, change.branchIds, change.status],
    );
    if (!row) return null;
    return {
      user: toUser(row),
      before: { role: row.old_role, branchIds: row.old_branch_ids ?? [], status: row.old_status },
    };
  }

  async setPasswordHash(id: string, passwordHash: string): Promise<void> {
    await this.sql.rows(`UPDATE auth.users SET password_hash = $2, updated_at = now() WHERE id = $1`, [
      id,
      passwordHash,
    ]);
  }

  async touchLogin(id: string): Promise<void> {
    await this.sql.rows(`UPDATE auth.users SET last_login_at = now() WHERE id = $1`, [id]);
  }

  /** A page of accounts ordered by username, optionally filtered by a username fragment. */
  async list(limit: number, cursor?: string, q?: string): Promise<{ items: User[]; nextCursor: string | null }> {
    const after = decodeCursorOrThrow(cursor, Cursor);
    const p = new SqlParams();
    const limitParam = p.add(limit + 1);
    const where = whereAll([
      after && `(lower(username), id) > (${p.add(after.u)}, ${p.add(after.id)})`,
      q && `lower(username) LIKE ${p.add(`%${escapeLike(q.toLowerCase())}%`)}`,
    ]);
    const rows = await this.sql.rows<UserRow>(
      `SELECT ${USER_COLUMNS} FROM auth.users ${where} ORDER BY lower(username), id LIMIT ${limitParam}`,
      p.values,
    );
    return pageFrom(rows, limit, toUser, (r) => ({ u: r.username.toLowerCase(), id: r.id }));
  }
}

/** The wire form of an account (never the password hash). */
export function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    role: row.role,
    branchIds: row.branch_ids ?? [],
    status: row.status,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

function toAccount(row: UserRow & { password_hash: string }): UserAccount {
  const { createdAt: _createdAt, ...user } = toUser(row);
  return { ...user, passwordHash: row.password_hash };
}
