import { loadConfigOrExit, runUntilSignal } from '@garage/shared';
import { authEnvSchema } from './config.js';
import { startAuthService } from './auth.app.js';

void runUntilSignal('auth', () => startAuthService(loadConfigOrExit(authEnvSchema)));
