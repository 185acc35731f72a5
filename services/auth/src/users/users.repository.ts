import { Injectable } from '@nestjs/common';
import { decodeCursorOrThrow, escapeLike, pageFrom, preparedQuery, type User } from '@garage/shared';
import { z } from 'zod';
import { DataSource, type Repository } from 'typeorm';
import { UserEntity, type AccountStatus, type StaffRole } from './user.entity.js';

interface UserRow {
  id: string;
  username: string;
  role: StaffRole;
  branch_ids: string[];
  status: AccountStatus;
  created_at: Date;
}

const USER_COLUMNS = 'id, username, role, branch_ids, status, created_at';
const Cursor = z.object({ u: z.string(), id: z.uuid() });

/** Staff/admin accounts in Postgres. Hot reads use plain SQL rows (no entity hydration). */
@Injectable()
export class UsersRepository {
  private readonly repo: Repository<UserEntity>;

  constructor(private readonly db: DataSource) {
    this.repo = db.getRepository(UserEntity);
  }

  async findById(id: string): Promise<User | null> {
    const rows = await preparedQuery<UserRow>(
      this.db,
      'auth.users.by-id',
      `SELECT ${USER_COLUMNS} FROM auth.users WHERE id = $1`,
      [id],
    );
    return rows[0] ? toUser(rows[0]) : null;
  }

  /** The account with its password hash, for sign-in only. */
  findForLogin(username: string): Promise<UserEntity | null> {
    return this.repo.createQueryBuilder('u').where('lower(u.username) = lower(:username)', { username }).getOne();
  }

  findEntity(id: string): Promise<UserEntity | null> {
    return this.repo.findOneBy({ id });
  }

  async insert(
    user: Pick<UserEntity, 'username' | 'role' | 'branchIds' | 'status' | 'passwordHash'>,
  ): Promise<UserEntity> {
    return this.repo.save(this.repo.create(user));
  }

  /** Sets role, branches and status only (never a stale copy of the other columns). */
  async updateAccess(
    id: string,
    change: { role: StaffRole; branchIds: string[]; status: AccountStatus },
  ): Promise<User | null> {
    const rows: [UserRow[], number] = await this.db.query(
      `UPDATE auth.users SET role = $2, branch_ids = $3, status = $4, updated_at = now() WHERE id = $1 RETURNING ${USER_COLUMNS}`,
      [id, change.role, change.branchIds, change.status],
    );
    const row = rows[0]?.[0];
    return row ? toUser(row) : null;
  }

  async setPasswordHash(id: string, passwordHash: string): Promise<void> {
    await this.repo.update({ id }, { passwordHash });
  }

  async touchLogin(id: string): Promise<void> {
    await this.db.query(`UPDATE auth.users SET last_login_at = now() WHERE id = $1`, [id]);
  }

  /** A page of accounts ordered by username, optionally filtered by a username fragment. */
  async list(limit: number, cursor?: string, q?: string): Promise<{ items: User[]; nextCursor: string | null }> {
    const after = decodeCursorOrThrow(cursor, Cursor);
    const params: unknown[] = [limit + 1];
    const where: string[] = [];
    if (after) {
      params.push(after.u, after.id);
      where.push(`(lower(username), id) > ($${params.length - 1}, $${params.length})`);
    }
    if (q) {
      params.push(`%${escapeLike(q.toLowerCase())}%`);
      where.push(`lower(username) LIKE $${params.length}`);
    }
    const rows: UserRow[] = await this.db.query(
      `SELECT ${USER_COLUMNS} FROM auth.users ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY lower(username), id LIMIT $1`,
      params,
    );
    return pageFrom(rows, limit, toUser, (r) => ({ u: r.username.toLowerCase(), id: r.id }));
  }
}

/** The wire form of an account (never the password hash). */
export function toUser(row: UserRow | UserEntity): User {
  const r = row as Partial<UserRow> & Partial<UserEntity>;
  return {
    id: row.id,
    username: row.username,
    role: row.role,
    branchIds: (r.branch_ids ?? r.branchIds ?? []) as string[],
    status: row.status,
    createdAt: new Date((r.created_at ?? r.createdAt) as Date).toISOString(),
  };
}
