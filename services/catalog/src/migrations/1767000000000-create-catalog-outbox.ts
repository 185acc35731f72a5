import type { MigrationInterface, QueryRunner } from 'typeorm';
import { outboxTableSql } from '@garage/shared';

/** Catalog publishes events from now on (its audit entries), so it gets an outbox like the others. */
export class CreateCatalogOutbox1767000000000 implements MigrationInterface {
  name = 'CreateCatalogOutbox1767000000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of outboxTableSql('catalog')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE catalog.outbox`);
  }
}
