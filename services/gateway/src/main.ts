import { loadConfigOrExit, runUntilSignal } from '@garage/shared';
import { gatewayEnvSchema } from './config.js';
import { startGateway } from './gateway.app.js';

void runUntilSignal('gateway', () => startGateway(loadConfigOrExit(gatewayEnvSchema)));
