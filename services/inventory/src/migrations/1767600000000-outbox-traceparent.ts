import type { MigrationInterface, QueryRunner } from 'typeorm';
import { outboxTraceparentSql } from '@garage/shared';

/** Each outbox row keeps the traceparent of the work that wrote it, so the event's handling joins that trace. */
export class OutboxTraceparent1767600000000 implements MigrationInterface {
  name = 'OutboxTraceparent1767600000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of outboxTraceparentSql('inventory')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE inventory.outbox DROP COLUMN traceparent`);
  }
}
