import { DataSource } from 'typeorm';
import { CreateAuthSchema1764403200000 } from './migrations/1764403200000-create-auth-schema.js';
import { IndexCustomerSearch1764921600000 } from './migrations/1764921600000-index-customer-search.js';
import { CreateAuditLog1767000000000 } from './migrations/1767000000000-create-audit-log.js';

/** The auth service's DataSource: its own schema, its own migrations table, never `synchronize`. */
export function createAuthDataSource(url: string, poolSize = 10): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    migrations: [CreateAuthSchema1764403200000, IndexCustomerSearch1764921600000, CreateAuditLog1767000000000],
    migrationsTableName: 'auth_migrations',
    synchronize: false,
    logging: false,
    extra: { max: poolSize, application_name: 'garage-auth' },
  });
}
