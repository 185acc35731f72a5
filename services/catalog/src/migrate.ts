import { runMigrateCommand } from '@garage/shared';
import { createCatalogDataSource } from './data-source.js';

// The migration step of a deployment (a Job, an init container, `npm run migrate`): DATABASE_URL only.
void runMigrateCommand('catalog', (url) => createCatalogDataSource(url, 2));
