import type { DataSource } from 'typeorm';
import { inTransaction, type Tx } from './sql.js';

/** Opens transactions for the services, so rules that span repositories commit or roll back together. */
export class Transactions {
  constructor(private readonly db: DataSource) {}

  run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return inTransaction(this.db, work);
  }
}
