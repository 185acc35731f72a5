import { runMigrateCommand } from '@garage/shared';
import { createInventoryDataSource } from './data-source.js';

// The migration step of a deployment (a Job, an init container, `npm run migrate`): DATABASE_URL only.
void runMigrateCommand('inventory', (url) => createInventoryDataSource(url, 2));
