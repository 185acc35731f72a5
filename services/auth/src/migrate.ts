import { runMigrateCommand } from '@garage/shared';
import { createAuthDataSource } from './data-source.js';

// The migration step of a deployment (a Job, an init container, `npm run migrate`): DATABASE_URL only.
void runMigrateCommand('auth', (url) => createAuthDataSource(url, 2));
