// The outbox queue: the messages a change causes (emails, Slack notifications) are written in the
// change's own transaction (rule 10) and delivered later by the outbox worker (src/outbox).
import type { Prisma as PrismaNS } from '../../generated/prisma/client.ts';
import { checkOutboxMessage, checkSlackNotificationData, type OutboxMessage, type SlackNotification, type SlackNotificationData, type SlackNotificationKind } from '../../messages/index.ts';
import type { Tx } from './transaction.ts';

/**
 * Queues a message in the change's transaction. `dedupeKey` names the event and the recipient, so a
 * message is queued once per recipient per event however often the change is retried. A message that
 * does not match its schema (src/messages) throws, and the change rolls back with it.
 */
export async function enqueue(tx: Tx, environmentId: string | null, dedupeKey: string, message: OutboxMessage) {
  checkOutboxMessage(message);
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
export async function notifyAdministrators<K extends SlackNotificationKind>(
  tx: Tx,
  environmentId: string,
  eventKey: string,
  kind: K,
  data: SlackNotificationData<K>,
) {
  checkSlackNotificationData(kind, data);
  // The kind and its data travel together; TypeScript cannot follow that through a generic, the checks do.
  const to = (channel: string) => ({ slack: { channel, kind, data } as SlackNotification });
  const env = await tx.environment.findUnique({ where: { id: environmentId }, select: { notificationChannelId: true } });
  if (env?.notificationChannelId) {
    await enqueue(tx, environmentId, `${eventKey}:slack:${env.notificationChannelId}`, to(env.notificationChannelId));
    return;
  }
  const admins = await tx.user.findMany({
    where: { environmentId, role: 'ADMINISTRATOR', status: 'ACTIVE', slackUserId: { not: null } },
    select: { slackUserId: true },
    take: 50,
  });
  for (const a of admins) {
    await enqueue(tx, environmentId, `${eventKey}:slack:${a.slackUserId}`, to(a.slackUserId!));
  }
}
