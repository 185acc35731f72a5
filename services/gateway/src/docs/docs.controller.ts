import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { DomainError, auth, bookings, catalog, gateway, inventory, type MessageContract } from '@garage/shared';
import { Public } from '../http/route.decorator.js';
import type { GatewayReply } from '../http/gateway-request.js';
import { buildOpenApi } from './openapi.js';
import { VERSION } from '../health/health.service.js';
import { securityHeaders } from '../http/security-headers.js';
import { GATEWAY_CONFIG } from '../tokens.js';
import type { GatewayConfig } from '../config.js';

// Only the folder: requiring the package itself would load the whole UI bundle into the gateway.
const swaggerDir = dirname(require.resolve('swagger-ui-dist/package.json'));
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'application/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Garage chain API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`;

const INIT = `window.ui = SwaggerUIBundle({ url: '/api/docs/openapi.json', dom_id: '#swagger-ui' });`;

export const HTTP_CONTRACTS: MessageContract[] = [
  ...Object.values(auth.authContracts),
  ...Object.values(catalog.catalogContracts),
  ...Object.values(inventory.inventoryContracts),
  ...Object.values(bookings.bookingsContracts),
  ...Object.values(gateway.gatewayContracts),
];

/** `/api/docs`: the OpenAPI document generated from libs/shared and a Swagger UI to read it. */
@Controller()
@Public()
export class DocsController {
  private readonly document = JSON.stringify(buildOpenApi(HTTP_CONTRACTS, VERSION));
  /** Swagger UI styles itself inline: its page alone allows that; the rest of the CSP is the same. */
  private readonly pagePolicy: string;

  constructor(@Inject(GATEWAY_CONFIG) config: GatewayConfig) {
    this.pagePolicy = securityHeaders(config.PRODUCTION, { inlineStyles: true })['content-security-policy'];
  }

  @Get('/api/docs')
  page(@Res() reply: GatewayReply) {
    reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', this.pagePolicy)
      .send(PAGE);
  }

  @Get('/api/docs/openapi.json')
  openapi(@Res() reply: GatewayReply) {
    reply.header('content-type', 'application/json; charset=utf-8').send(this.document);
  }

  @Get('/api/docs/init.js')
  init(@Res() reply: GatewayReply) {
    reply.header('content-type', 'application/javascript; charset=utf-8').send(INIT);
  }

  private readonly assets = new Map<string, Promise<Buffer>>();

  @Get('/api/docs/assets/:file')
  async asset(@Param('file') file: string, @Res() reply: GatewayReply) {
    const type = ASSETS[file];
    if (!type) throw new DomainError('NOT_FOUND', 'No such file');
    // Read once, then served from memory (the UI bundle is 1.7 MB).
    let body = this.assets.get(file);
    if (!body) this.assets.set(file, (body = readFile(join(swaggerDir, file))));
    reply
      .header('content-type', type)
      .header('cache-control', 'public, max-age=86400')
      .send(await body);
  }
}
