// The Slack channel where the environment's administrators are told about activations, auto-joins and
// failed deliveries; without one, each administrator gets a direct message.
import { requireActor, type Actor } from '../core/actor.ts';
import { audit } from '../core/audit.ts';
import type { RightsDeps } from '../core/deps.ts';
import { transaction } from '../core/transaction.ts';
import { AppError } from '../errors.ts';

export async function setNotificationChannel(deps: RightsDeps, actor: Actor, raw: { channelId: string | null }) {
  const channelId = raw.channelId;
  if (channelId !== null && !/^[CGD][A-Z0-9]{2,20}$/.test(channelId)) {
    throw new AppError('invalid_input', 'rights.slack.notAChannel', {}, 'channel');
  }
  return transaction(deps, async (tx) => {
    const admin = await requireActor(tx, actor, 'environment:configure');
    await tx.environment.update({ where: { id: admin.environmentId }, data: { notificationChannelId: channelId } });
    await audit(tx, {
      environmentId: admin.environmentId,
      actor,
      action: 'environment.notification_channel_set',
      targetType: 'environment',
      targetId: admin.environmentId,
      details: { channelId },
    });
    return { channelId };
  });
}
