import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { DomainError } from '@garage/shared';
import { Public } from '../http/route.decorator.js';
import type { GatewayReply, GatewayRequest } from '../http/gateway-request.js';
import { WEB_FILES } from '../tokens.js';
import { isApiPath, type WebFile } from './web-files.js';

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/**
 * The web app (web/dist) at `/`: its files by path, and index.html for every other GET so the
 * browser's router can take the path (a deep link or a reload). The fallback never answers under
 * /api, /health or /metrics: an unknown API path stays a JSON 404.
 */
@Controller()
@Public()
export class WebAppController {
  constructor(@Inject(WEB_FILES) private readonly files: Map<string, WebFile>) {}

  @Get('*')
  serve(@Req() req: GatewayRequest, @Res() reply: GatewayReply) {
    const path = safeDecode(req.url.split('?')[0]);
    const index = this.files.get('/index.html');
    if (isApiPath(path) || !index) throw new DomainError('NOT_FOUND', `No route ${req.method} ${path}`);
    let file = this.files.get(path);
    if (!file) {
      // A missing hashed asset is a 404 (an old tab after a deploy), not the HTML page.
      if (path.startsWith('/assets/') || /\.[a-z0-9]+$/i.test(path)) throw new DomainError('NOT_FOUND', 'No such file');
      file = index;
    }
    const accepts = String(req.headers['accept-encoding'] ?? '');
    const [body, encoding] =
      file.br && /\bbr\b/.test(accepts)
        ? [file.br, 'br']
        : file.gzip && /\bgzip\b/.test(accepts)
          ? [file.gzip, 'gzip']
          : [file.body, undefined];
    reply
      .header('content-type', file.type)
      .header('cache-control', file.cacheControl)
      .header('vary', 'accept-encoding');
    if (encoding) reply.header('content-encoding', encoding);
    reply.send(body);
  }
}
