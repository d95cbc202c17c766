// The outbox queue: the messages a change causes (emails, Slack notifications) are written in the
// change's own transaction (rule 10) and delivered later by the outbox worker (src/outbox).
import type { Prisma as PrismaNS } from '../../generated/prisma/client.ts';
import type { Tx } from './transaction.ts';

/** An email to deliver; `template` names a template in src/mail/templates. */
export interface EmailMessage {
  to: string;
  template: string;
  locale: string;
  data: Record<string, unknown>;
}

/** A Slack notification; `kind` names a renderer in src/slack/notifications. */
export interface SlackMessage {
  /** a channel id or a user id (direct message) */
  channel: string;
  kind: string;
  data: Record<string, unknown>;
}

/**
 * Queues a message in the change's transaction. `dedupeKey` names the event and the recipient, so a
 * message is queued once per recipient per event however often the change is retried.
 */
export async function enqueue(
  tx: Tx,
  environmentId: string | null,
  dedupeKey: string,
  message: { email: EmailMessage } | { slack: SlackMessage },
) {
  const kind = 'email' in message ? 'EMAIL' : 'SLACK';
  const payload = ('email' in message ? message.email : message.slack) as unknown as PrismaNS.InputJsonValue;
  await tx.outboxMessage.createMany({
    data: [{ environmentId, kind, dedupeKey, payload }],
    skipDuplicates: true,
  });
}

/**
 * Tells an environment's administrators something in Slack: in the notification channel when one is
 * set, otherwise by direct message to each active administrator whose Slack account is known.
 */
export async function notifyAdministrators(
  tx: Tx,
  environmentId: string,
  eventKey: string,
  kind: string,
  data: Record<string, unknown>,
) {
  const env = await tx.environment.findUnique({ where: { id: environmentId }, select: { notificationChannelId: true } });
  if (env?.notificationChannelId) {
    await enqueue(tx, environmentId, `${eventKey}:slack:${env.notificationChannelId}`, {
      slack: { channel: env.notificationChannelId, kind, data },
    });
    return;
  }
  const admins = await tx.user.findMany({
    where: { environmentId, role: 'ADMINISTRATOR', status: 'ACTIVE', slackUserId: { not: null } },
    select: { slackUserId: true },
    take: 50,
  });
  for (const a of admins) {
    await enqueue(tx, environmentId, `${eventKey}:slack:${a.slackUserId}`, { slack: { channel: a.slackUserId!, kind, data } });
  }
}
