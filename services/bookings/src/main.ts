import { loadConfigOrExit, runUntilSignal } from '@garage/shared';
import { bookingsEnvSchema } from './config.js';
import { startBookingsService } from './bookings.app.js';

void runUntilSignal('bookings', () => startBookingsService(loadConfigOrExit(bookingsEnvSchema)));
