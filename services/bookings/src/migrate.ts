import { runMigrateCommand } from '@garage/shared';
import { createBookingsDataSource } from './data-source.js';

// The migration step of a deployment (a Job, an init container, `npm run migrate`): DATABASE_URL only.
void runMigrateCommand('bookings', (url) => createBookingsDataSource(url, 2));
