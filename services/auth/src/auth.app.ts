import { startService, type RunningService } from '@garage/shared';
import type { AuthConfig } from './config.js';
import { AuthModule } from './auth.module.js';
import { createAuthDataSource } from './data-source.js';
import { PasswordHasher } from './passwords/password-hasher.js';
import { loadDemoAccounts } from './demo/demo-data.js';
import { AuditRepository } from './audit/audit.repository.js';
import { auditRetentionJob } from './audit/audit.service.js';

export type RunningAuthService = RunningService;

/** The auth service: users, customers, passwords, sessions, login limits, the audit log (schema "auth"). */
export function startAuthService(config: AuthConfig): Promise<RunningAuthService> {
  return startService({
    name: 'auth',
    config,
    createDataSource: (c) => createAuthDataSource(c.DATABASE_URL, c.DB_POOL_SIZE),
    module: () => AuthModule.forRoot(),
    jobs: (app) => [auditRetentionJob(app.get(AuditRepository), config.AUDIT_RETENTION_DAYS)],
    loadDemoData: ({ db }) => loadDemoAccounts(db, new PasswordHasher(config.PASSWORD_HASH)),
  });
}
