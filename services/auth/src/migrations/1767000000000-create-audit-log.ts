import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log: one row per entry, written by the auth service for its own changes and by its
 * `auth-audit` consumer for the other services' (their `audit.<service>` events; the entry's id
 * makes a redelivery a no-op). Append-only, as the stock ledger is: the database refuses UPDATE and
 * TRUNCATE, and DELETE except by the retention job, which says so for its own transaction.
 */
export class CreateAuditLog1767000000000 implements MigrationInterface {
  name = 'CreateAuditLog1767000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE auth.audit_entries (
        id uuid PRIMARY KEY,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        at timestamptz NOT NULL,
        service text NOT NULL,
        action text NOT NULL,
        actor_kind text NOT NULL CHECK (actor_kind IN ('user', 'customer', 'system', 'anonymous')),
        actor_id uuid,
        actor_label text,
        ip text,
        branch_id uuid,
        subject_type text NOT NULL,
        subject_id text NOT NULL,
        before jsonb,
        after jsonb
      )`);
    // Newest first, with a filter or without: every list query walks one of these in order.
    await q.query(`CREATE INDEX audit_entries_at_idx ON auth.audit_entries (at DESC, id DESC)`);
    await q.query(`CREATE INDEX audit_entries_actor_idx ON auth.audit_entries (actor_id, at DESC, id DESC)`);
    await q.query(`CREATE INDEX audit_entries_branch_idx ON auth.audit_entries (branch_id, at DESC, id DESC)`);
    await q.query(
      `CREATE INDEX audit_entries_action_idx ON auth.audit_entries (action text_pattern_ops, at DESC, id DESC)`,
    );
    await q.query(`
      CREATE FUNCTION auth.refuse_audit_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND current_setting('garage.audit_retention', true) = 'on' THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION 'auth.audit_entries is append-only (% refused)', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON auth.audit_entries
      FOR EACH ROW EXECUTE FUNCTION auth.refuse_audit_rewrite()`);
    await q.query(`
      CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON auth.audit_entries
      FOR EACH STATEMENT EXECUTE FUNCTION auth.refuse_audit_rewrite()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE auth.audit_entries`);
    await q.query(`DROP FUNCTION auth.refuse_audit_rewrite()`);
  }
}
