// The outbox table as the worker sees it. A claim takes due PENDING rows with FOR UPDATE SKIP LOCKED
// and leases them (lockedUntil), so several worker processes never take the same row, and a row whose
// worker died is taken again when its lease runs out. All times are the database's clock (UTC).
import { Prisma as P } from '../generated/prisma/client.ts';
import type { Prisma } from '../db/database.ts';
import type { Tx } from '../rights/index.ts';

export type OutboxKind = 'EMAIL' | 'SLACK' | 'SLACK_WORK';

export interface ClaimedMessage {
  id: string;
  kind: OutboxKind;
  payload: Record<string, unknown>;
  /** failed attempts so far */
  attempts: number;
  environmentId: string | null;
  dedupeKey: string;
}

const NOW = P.sql`(now() AT TIME ZONE 'UTC')`;

export async function claimDue(prisma: Prisma, opts: { limit: number; leaseMs: number; kinds: OutboxKind[] }): Promise<ClaimedMessage[]> {
  if (opts.kinds.length === 0) return [];
  const kinds = P.join(opts.kinds.map((k) => P.sql`${k}::"OutboxKind"`));
  const rows = await prisma.$queryRaw<ClaimedMessage[]>`
    UPDATE "OutboxMessage" AS o
       SET "lockedUntil" = ${NOW} + ${opts.leaseMs}::int * interval '1 millisecond'
      FROM (SELECT id FROM "OutboxMessage"
             WHERE status = 'PENDING' AND kind IN (${kinds}) AND "nextAttemptAt" <= ${NOW}
               AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${NOW})
             ORDER BY "nextAttemptAt", "createdAt"
             LIMIT ${opts.limit}::int
             FOR UPDATE SKIP LOCKED) AS due
     WHERE o.id = due.id
    RETURNING o.id, o.kind::text AS kind, o.payload, o.attempts, o."environmentId", o."dedupeKey"`;
  return rows.map((r) => ({ ...r, payload: typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload, attempts: Number(r.attempts) }));
}

/**
 * Sent. A link in the payload (an invitation's activation link) is wiped: only the email needed it,
 * and a database dump must not hand out working links; so is Slack work's response_url.
 */
export async function markSent(prisma: Prisma, id: string): Promise<void> {
  await prisma.$executeRaw`
    UPDATE "OutboxMessage"
       SET status = 'SENT', "sentAt" = ${NOW}, "lockedUntil" = NULL, "lastError" = NULL, attempts = attempts + 1,
           payload = (CASE WHEN payload #> '{data,link}' IS NOT NULL THEN jsonb_set(payload, '{data,link}', 'null'::jsonb) ELSE payload END) - 'responseUrl'
     WHERE id = ${id}`;
}

export async function reschedule(prisma: Prisma, id: string, delayMs: number, error: string): Promise<void> {
  await prisma.$executeRaw`
    UPDATE "OutboxMessage"
       SET attempts = attempts + 1, "lastError" = ${error}, "lockedUntil" = NULL,
           "nextAttemptAt" = ${NOW} + ${Math.round(delayMs)}::int * interval '1 millisecond'
     WHERE id = ${id} AND status = 'PENDING'`;
}

/** Not tried yet (nothing to deliver through): due again later, attempts unchanged. */
export async function postpone(prisma: Prisma, id: string, delayMs: number, reason: string): Promise<void> {
  await prisma.$executeRaw`
    UPDATE "OutboxMessage"
       SET "lastError" = ${reason}, "lockedUntil" = NULL,
           "nextAttemptAt" = ${NOW} + ${Math.round(delayMs)}::int * interval '1 millisecond'
     WHERE id = ${id} AND status = 'PENDING'`;
}

/** Failed for good; returns false when the row was no longer pending (e.g. revoked meanwhile). */
export async function markFailed(tx: Tx, id: string, error: string): Promise<boolean> {
  const n = await tx.$executeRaw`
    UPDATE "OutboxMessage"
       SET status = 'FAILED', attempts = attempts + 1, "lastError" = ${error}, "lockedUntil" = NULL,
           payload = (CASE WHEN payload #> '{data,link}' IS NOT NULL THEN jsonb_set(payload, '{data,link}', 'null'::jsonb) ELSE payload END) - 'responseUrl'
     WHERE id = ${id} AND status = 'PENDING'`;
  return n === 1;
}

/** Keeps the lease of messages still being delivered, so a slow delivery is not taken by another worker. */
export async function extendLease(prisma: Prisma, ids: string[], leaseMs: number): Promise<void> {
  if (ids.length === 0) return;
  await prisma.$executeRaw`
    UPDATE "OutboxMessage" SET "lockedUntil" = ${NOW} + ${leaseMs}::int * interval '1 millisecond'
     WHERE id IN (${P.join(ids)}) AND status = 'PENDING'`;
}
