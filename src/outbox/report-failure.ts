// A message that keeps failing is reported to its environment's administrators instead of
// disappearing: in Slack (notification channel, or a DM to each administrator) when the failed
// message was an email and Slack works, otherwise by email to the administrators.
import { readerLocale } from '../i18n/catalogue.ts';
import type { DeliveryFailure } from '../messages/index.ts';
import { enqueue, notifyAdministrators, type Tx } from '../rights/index.ts';
import type { ClaimedMessage } from './store.ts';

/** True when `m` is itself a failure report: reporting it again would loop. */
const isReport = (m: ClaimedMessage) =>
  (m.payload as { template?: string }).template === 'delivery-failed' || (m.payload as { kind?: string }).kind === 'outbox.failed';

export async function reportFailure(tx: Tx, m: ClaimedMessage, error: string, opts: { slackAvailable: boolean }): Promise<void> {
  // Slack work is answered to the person who asked, not reported; it has no environment anyway.
  if (!m.environmentId || isReport(m) || m.kind === 'SLACK_WORK') return;
  const recipient = m.kind === 'EMAIL' ? String((m.payload as { to?: unknown }).to ?? '') : String((m.payload as { channel?: unknown }).channel ?? '');
  const what = m.kind === 'SLACK' ? 'slack' : (m.payload as { template?: string }).template === 'invitation' ? 'invitation' : 'email';
  const data: DeliveryFailure = { what, recipient, attempts: m.attempts + 1, lastError: error.slice(0, 300), messageId: m.id };
  const eventKey = `outbox-failed:${m.id}`;
  if (m.kind === 'EMAIL' && opts.slackAvailable) {
    const env = await tx.environment.findUnique({ where: { id: m.environmentId }, select: { notificationChannelId: true } });
    const slackAdmins = await tx.user.count({ where: { environmentId: m.environmentId, role: 'ADMINISTRATOR', status: 'ACTIVE', slackUserId: { not: null } } });
    if (env?.notificationChannelId || slackAdmins > 0) {
      await notifyAdministrators(tx, m.environmentId, eventKey, 'outbox.failed', data);
      return;
    }
  }
  const env = await tx.environment.findUnique({ where: { id: m.environmentId }, select: { locale: true } });
  const admins = await tx.user.findMany({
    where: { environmentId: m.environmentId, role: 'ADMINISTRATOR', status: 'ACTIVE', email: { not: recipient } },
    select: { email: true, locale: true },
    take: 50,
  });
  for (const a of admins) {
    await enqueue(tx, m.environmentId, `${eventKey}:email:${a.email}`, {
      email: { to: a.email, template: 'delivery-failed', locale: readerLocale(env, a), data },
    });
  }
}
