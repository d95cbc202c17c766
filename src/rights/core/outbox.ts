// The outbox queue: the messages a change causes (emails, Slack notifications) are written in the
// change's own transaction (rule 10) and delivered later by the outbox worker (src/outbox).
import { readerLocale } from '../../i18n/catalogue.ts';
import type { Prisma as PrismaNS } from '../../generated/prisma/client.ts';
import { checkOutboxMessage, checkSlackNotificationData, type OutboxMessage, type SlackNotification, type SlackNotificationData, type SlackNotificationKind, type SlackWork } from '../../messages/index.ts';
import type { RightsDeps } from './deps.ts';
import type { Tx } from './transaction.ts';
import { workBatcher } from './work-batch.ts';

/**
 * Queues a message in the change's transaction. `dedupeKey` names the event and the recipient, so a
 * message is queued once per recipient per event however often the change is retried. A message that
 * does not match its schema (src/messages) throws, and the change rolls back with it.
 */
export async function enqueue(tx: Tx, environmentId: string | null, dedupeKey: string, message: OutboxMessage) {
  checkOutboxMessage(message);
  const kind = 'email' in message ? 'EMAIL' : 'work' in message ? 'SLACK_WORK' : 'SLACK';
  const payload = ('email' in message ? message.email : 'work' in message ? message.work : message.slack) as unknown as PrismaNS.InputJsonValue;
  const { count } = await tx.outboxMessage.createMany({
    data: [{ environmentId, kind, dedupeKey, payload }],
    skipDuplicates: true,
  });
  return count === 1;
}

/**
 * Records Slack work to be done after Slack's ack (one insert, before the ack): the Slack worker does
 * it, once per `key` (a second delivery of the same request records nothing). True when recorded now.
 */
export function queueSlackWork(deps: RightsDeps, key: string, work: SlackWork): Promise<boolean> {
  checkOutboxMessage({ work });
  // not Prisma's createMany: on the path to the ack, the rows of a burst go in one statement
  return workBatcher(deps.prisma).record(key, work);
}

/** How the administrators are told about an event: in Slack, or by email while Slack has nobody to tell. */
export type AdministratorsTold = 'slack' | 'email';

/** The kinds that go to the administrators by email while no Slack recipient is known. */
const byEmail = new Set<SlackNotificationKind>(['user.activated', 'user.auto_joined']);

/** Where an environment's Slack notifications go: its channel, else each active administrator whose Slack account is known. */
export async function slackRecipients(tx: Tx, environmentId: string): Promise<string[]> {
  const env = await tx.environment.findUnique({ where: { id: environmentId }, select: { notificationChannelId: true } });
  if (env?.notificationChannelId) return [env.notificationChannelId];
  const admins = await tx.user.findMany({
    where: { environmentId, role: 'ADMINISTRATOR', status: 'ACTIVE', slackUserId: { not: null } },
    select: { slackUserId: true },
    orderBy: { createdAt: 'asc' },
    take: 50,
  });
  return admins.map((a) => a.slackUserId!);
}

/** The dedupe key of the Slack message that waits for its first recipient; the event's key is what precedes it. */
export const WAITING_SUFFIX = ':slack:waiting';

/**
 * Tells an environment's administrators something in Slack: in the notification channel when one is
 * set, otherwise by direct message to each active administrator whose Slack account is known. When
 * neither exists the notification never vanishes: its Slack message WAITS (the outbox worker releases
 * it once a channel or an administrator's Slack account is known, or drops it if the email below went
 * out first), and activations and auto-joins go to the administrators by email meanwhile.
 */
export async function notifyAdministrators<K extends SlackNotificationKind>(
  tx: Tx,
  environmentId: string,
  eventKey: string,
  kind: K,
  data: SlackNotificationData<K>,
  options: { exceptEmail?: string } = {},
): Promise<AdministratorsTold> {
  checkSlackNotificationData(kind, data);
  // The kind and its data travel together; TypeScript cannot follow that through a generic, the checks do.
  const to = (channel: string) => ({ slack: { channel, kind, data } as SlackNotification });
  const recipients = await slackRecipients(tx, environmentId);
  for (const r of recipients) await enqueue(tx, environmentId, `${eventKey}:slack:${r}`, to(r));
  if (recipients.length > 0) return 'slack';
  await tx.outboxMessage.createMany({
    data: [{ environmentId, kind: 'SLACK', status: 'WAITING', dedupeKey: `${eventKey}${WAITING_SUFFIX}`, payload: { channel: null, kind, data } as unknown as PrismaNS.InputJsonValue }],
    skipDuplicates: true,
  });
  if (!byEmail.has(kind)) return 'slack';
  const env = await tx.environment.findUnique({ where: { id: environmentId }, select: { locale: true } });
  const admins = await tx.user.findMany({
    where: { environmentId, role: 'ADMINISTRATOR', status: 'ACTIVE', ...(options.exceptEmail ? { email: { not: options.exceptEmail } } : {}) },
    select: { email: true, locale: true },
    orderBy: { createdAt: 'asc' },
    take: 50,
  });
  for (const a of admins) {
    await enqueue(tx, environmentId, `${eventKey}:email:${a.email}`, {
      email: { to: a.email, template: 'administrator-notice', locale: readerLocale(env, a), data: { kind, data } as never },
    });
  }
  return 'email';
}
