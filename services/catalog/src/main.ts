import { loadConfigOrExit, runUntilSignal } from '@garage/shared';
import { catalogEnvSchema } from './config.js';
import { startCatalogService } from './catalog.app.js';

void runUntilSignal('catalog', () => startCatalogService(loadConfigOrExit(catalogEnvSchema)));
