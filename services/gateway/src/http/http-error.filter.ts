import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Logger } from '@garage/shared';
import type { GatewayReply, GatewayRequest } from './gateway-request.js';
import { mapError } from './error-body.js';

/** Writes every error in API.md's shape with the request id; 5xx are logged, never described to the client. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  constructor(private readonly log: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<GatewayRequest>();
    const reply = http.getResponse<GatewayReply>();
    const mapped = mapError(exception, String(req.id));
    if (mapped.status >= 500 && mapped.body.code === 'INTERNAL') {
      this.log.error({ err: exception, requestId: req.id, url: req.url }, 'request failed');
    }
    if (mapped.retryAfter !== undefined) reply.header('retry-after', String(mapped.retryAfter));
    if (reply.sent) return;
    reply
      .code(mapped.status)
      .header('content-type', 'application/json; charset=utf-8')
      .send(JSON.stringify(mapped.body));
  }
}
