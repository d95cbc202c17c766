// Who is told about access that ends: an environment role, the environment's administrators (its
// notification channel, else their direct messages: notifyAdministrators); a membership, the
// organisation's active administrators by direct message, in each one's language, or the
// environment's administrators when none of them has a Slack account known.
import { readerLocale, type Locale } from '../../i18n/catalogue.ts';
import type { SlackNotificationData } from '../../messages/index.ts';
import { enqueue, notifyAdministrators } from '../core/outbox.ts';
import type { Tx } from '../core/transaction.ts';

export type AccessEndData = SlackNotificationData<'access.ended'>;

export async function notifyAboutAccess(
  tx: Tx,
  environmentId: string,
  eventKey: string,
  kind: 'access.reminder' | 'access.ended',
  data: (locale: Locale) => AccessEndData,
  now: Date,
): Promise<void> {
  const env = await tx.environment.findUniqueOrThrow({ where: { id: environmentId }, select: { locale: true } });
  const probe = data('en');
  if (probe.target === 'membership' && probe.organisationId) {
    const admins = await tx.membership.findMany({
      where: {
        organisationId: probe.organisationId,
        role: 'ADMINISTRATOR',
        userId: { not: probe.userId },
        OR: [{ until: null }, { until: { gt: now } }],
        user: { status: 'ACTIVE', slackUserId: { not: null } },
      },
      select: { user: { select: { slackUserId: true, locale: true } } },
      orderBy: { userId: 'asc' },
      take: 50,
    });
    for (const { user } of admins) {
      await enqueue(tx, environmentId, `${eventKey}:slack:${user.slackUserId}`, {
        slack: { channel: user.slackUserId!, kind, data: data(readerLocale(env, user)) },
      });
    }
    if (admins.length > 0) return;
  }
  await notifyAdministrators(tx, environmentId, eventKey, kind, data(readerLocale(env)));
}
