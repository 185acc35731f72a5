import { preparedQuery, type Customer } from '@garage/shared';
import type { DataSource, Repository } from 'typeorm';
import { CustomerEntity } from './customer.entity.js';
import type { AccountStatus } from '../users/user.entity.js';

interface CustomerRow {
  id: string;
  email: string;
  first_name: string;
  last_name: string;
  phone: string | null;
  status: AccountStatus;
  created_at: Date;
}

const CUSTOMER_COLUMNS = 'id, email, first_name, last_name, phone, status, created_at';

/** Customer accounts in Postgres. Hot reads use plain SQL rows (no entity hydration). */
export class CustomersRepository {
  private readonly repo: Repository<CustomerEntity>;

  constructor(private readonly db: DataSource) {
    this.repo = db.getRepository(CustomerEntity);
  }

  async findById(id: string): Promise<Customer | null> {
    const sql = `SELECT ${CUSTOMER_COLUMNS} FROM auth.customers WHERE id = $1`;
    const rows = await preparedQuery<CustomerRow>(this.db, 'auth.customers.by-id', sql, [id]);
    return rows[0] ? toCustomer(rows[0]) : null;
  }

  /** The account with its password hash, for sign-in only. */
  findForLogin(email: string): Promise<CustomerEntity | null> {
    return this.repo.createQueryBuilder('c').where('lower(c.email) = lower(:email)', { email }).getOne();
  }

  findEntity(id: string): Promise<CustomerEntity | null> {
    return this.repo.findOneBy({ id });
  }

  /** Inserts a customer; returns null when the email is taken (case-insensitively). */
  async insertIfNew(
    customer: Pick<CustomerEntity, 'email' | 'firstName' | 'lastName' | 'phone' | 'status' | 'passwordHash'>,
  ): Promise<Customer | null> {
    const rows: CustomerRow[] = await this.db.query(
      `INSERT INTO auth.customers (email, first_name, last_name, phone, status, password_hash)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT ((lower(email))) DO NOTHING
       RETURNING ${CUSTOMER_COLUMNS}`,
      [customer.email, customer.firstName, customer.lastName, customer.phone, customer.status, customer.passwordHash],
    );
    return rows[0] ? toCustomer(rows[0]) : null;
  }

  async setStatus(id: string, status: AccountStatus): Promise<Customer | null> {
    const rows: [CustomerRow[], number] = await this.db.query(
      `UPDATE auth.customers SET status = $2, updated_at = now() WHERE id = $1 RETURNING ${CUSTOMER_COLUMNS}`,
      [id, status],
    );
    const updated = rows[0]?.[0];
    return updated ? toCustomer(updated) : null;
  }

  async setPasswordHash(id: string, passwordHash: string): Promise<void> {
    await this.repo.update({ id }, { passwordHash });
  }

  async touchLogin(id: string): Promise<void> {
    await this.db.query(`UPDATE auth.customers SET last_login_at = now() WHERE id = $1`, [id]);
  }
}

/** The wire form of a customer (never the password hash). */
export function toCustomer(row: CustomerRow | CustomerEntity): Customer {
  const r = row as Partial<CustomerRow> & Partial<CustomerEntity>;
  return {
    id: row.id,
    email: row.email,
    firstName: (r.first_name ?? r.firstName) as string,
    lastName: (r.last_name ?? r.lastName) as string,
    phone: row.phone ?? null,
    status: row.status,
    createdAt: new Date((r.created_at ?? r.createdAt) as Date).toISOString(),
  };
}
