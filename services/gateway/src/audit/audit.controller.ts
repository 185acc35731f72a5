import { Readable } from 'node:stream';
import { Controller, Req, Res } from '@nestjs/common';
import { audit, gateway, type AuditEntry } from '@garage/shared';
import { Route } from '../http/route.decorator.js';
import { RpcForwarder } from '../http/rpc-forwarder.js';
import type { GatewayReply, GatewayRequest } from '../http/gateway-request.js';
import { csvLine } from './csv.js';

const COLUMNS = [
  'at',
  'service',
  'action',
  'actor_kind',
  'actor_id',
  'actor_label',
  'ip',
  'branch_id',
  'subject_type',
  'subject_id',
  'before',
  'after',
  'id',
];

/** The audit log: GET /api/audit (the auth service answers) and its CSV export (pages of it, streamed). */
@Controller()
export class AuditController {
  constructor(private readonly rpc: RpcForwarder) {}

  @Route(audit.listAudit)
  list(@Req() req: GatewayRequest, @Res() reply: GatewayReply) {
    return this.rpc.forward(audit.listAudit, req, reply);
  }

  /**
   * Streams the entries as CSV, a page of 100 at a time, so an export of a year takes no more memory
   * than one page. The first page is fetched before the headers go out: a refusal is still a clean 4xx.
   */
  @Route(gateway.exportAudit)
  async export(@Req() req: GatewayRequest, @Res() reply: GatewayReply) {
    const filters = this.rpc.payloadOf(gateway.exportAudit, req);
    const page = (cursor?: string) => this.rpc.ask(audit.listAudit, req, { ...filters, limit: 100, cursor });
    const first = await page();
    async function* rows() {
      yield csvLine(COLUMNS);
      let current = first;
      let sent = 0;
      for (;;) {
        for (const entry of current.items) {
          if (sent++ >= gateway.AUDIT_EXPORT_MAX_ROWS) return;
          yield csvLine(cells(entry));
        }
        if (!current.nextCursor) return;
        current = await page(current.nextCursor);
      }
    }
    const stamp = new Date().toISOString().slice(0, 19).replace(/:/g, '-');
    reply
      .code(200)
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="audit-${stamp}.csv"`)
      .send(Readable.from(rows()));
  }
}

function cells(e: AuditEntry): unknown[] {
  return [
    e.at,
    e.service,
    e.action,
    e.actor.kind,
    e.actor.id,
    e.actor.label,
    e.ip,
    e.branchId,
    e.subject.type,
    e.subject.id,
    e.before && JSON.stringify(e.before),
    e.after && JSON.stringify(e.after),
    e.id,
  ];
}
