// Slack notifications that wait for their first recipient (src/rights/core/outbox.ts queues them
// WAITING when an environment has no notification channel and no administrator whose Slack account is
// known). The worker looks at them every few seconds: once a channel or such an administrator exists,
// the message is released to them (PENDING, delivered as any other), unless its email to the
// administrators already went out, which told them instead: then it is DROPPED. Each row is decided
// under its row lock (SKIP LOCKED), so several workers never release one twice.
import type { Prisma } from '../db/database.ts';
import { enqueue, slackRecipients, WAITING_SUFFIX } from '../rights/index.ts';
import type { SlackNotification } from '../messages/index.ts';

export const EMAILED_FIRST = 'dropped: its email to the administrators went out before anyone could be told in Slack';

/** Decides the waiting notifications that now have somewhere to go: how many were released and dropped. */
export async function releaseWaiting(prisma: Prisma, limit = 20): Promise<{ released: number; dropped: number }> {
  const waiting = await prisma.$queryRaw<{ id: string }[]>`
    SELECT id FROM "OutboxMessage" WHERE status = 'WAITING' ORDER BY "createdAt" LIMIT ${limit}::int`;
  const decided = { released: 0, dropped: 0 };
  for (const { id } of waiting) {
    const done = await prisma.$transaction(async (tx) => {
      const [row] = await tx.$queryRaw<{ environmentId: string | null; dedupeKey: string; payload: unknown }[]>`
        SELECT "environmentId", "dedupeKey", payload FROM "OutboxMessage" WHERE id = ${id} AND status = 'WAITING' FOR UPDATE SKIP LOCKED`;
      if (!row?.environmentId) return null;
      const recipients = await slackRecipients(tx, row.environmentId);
      if (recipients.length === 0) return null;
      const eventKey = row.dedupeKey.endsWith(WAITING_SUFFIX) ? row.dedupeKey.slice(0, -WAITING_SUFFIX.length) : row.dedupeKey;
      const emailed = await tx.outboxMessage.count({ where: { dedupeKey: { startsWith: `${eventKey}:email:` }, status: 'SENT' } });
      if (emailed > 0) {
        await tx.$executeRaw`UPDATE "OutboxMessage" SET status = 'DROPPED', "lastError" = ${EMAILED_FIRST} WHERE id = ${id}`;
        return 'dropped' as const;
      }
      const payload = (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) as SlackNotification;
      const [first, ...others] = recipients;
      await tx.$executeRaw`
        UPDATE "OutboxMessage"
           SET status = 'PENDING', payload = jsonb_set(payload, '{channel}', to_jsonb(${first!}::text)),
               "nextAttemptAt" = (now() AT TIME ZONE 'UTC'), "lockedUntil" = NULL
         WHERE id = ${id}`;
      for (const r of others) await enqueue(tx, row.environmentId, `${eventKey}:slack:${r}`, { slack: { ...payload, channel: r } });
      return 'released' as const;
    });
    if (done) decided[done]++;
  }
  return decided;
}
