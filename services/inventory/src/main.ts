import { loadConfigOrExit, runUntilSignal } from '@garage/shared';
import { inventoryEnvSchema } from './config.js';
import { startInventoryService } from './inventory.app.js';

void runUntilSignal('inventory', () => startInventoryService(loadConfigOrExit(inventoryEnvSchema)));
