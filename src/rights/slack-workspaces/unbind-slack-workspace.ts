// Ends a workspace's binding and deletes its tokens: an administrator disconnecting it (web page or
// /econnect disconnect), or Slack telling us the app was uninstalled or its bot token revoked. The
// environment's Slack notifications then wait in the outbox until a workspace is connected again.
import { readerLocale } from '../../i18n/catalogue.ts';
import { requireActor, type Actor } from '../core/actor.ts';
import { audit } from '../core/audit.ts';
import { enqueue } from '../core/outbox.ts';
import type { RightsDeps } from '../core/deps.ts';
import { lockEnvironment, transaction } from '../core/transaction.ts';
import { AppError } from '../errors.ts';

export type UnbindReason = 'disconnected' | 'app_uninstalled' | 'tokens_revoked';

/** Unbinds `teamId`; with an actor, only from the actor's own environment and only by an administrator. Returns the environment, or null when the workspace was not bound. */
export async function unbindSlackWorkspace(deps: RightsDeps, input: { teamId: string; reason: UnbindReason; actor?: Actor }): Promise<{ environmentId: string } | null> {
  return transaction(deps, async (tx) => {
    const owner = await tx.environment.findUnique({ where: { slackTeamId: input.teamId }, select: { id: true } });
    const installation = await tx.slackInstallation.findUnique({ where: { teamId: input.teamId }, select: { environmentId: true } });
    const environmentId = owner?.id ?? installation?.environmentId;
    if (!environmentId) return null;
    if (input.actor) {
      const admin = await requireActor(tx, input.actor, 'environment:configure');
      if (admin.environmentId !== environmentId) throw new AppError('forbidden', 'rights.slack.otherEnvironment');
    }
    await lockEnvironment(tx, environmentId);
    await tx.slackInstallation.deleteMany({ where: { teamId: input.teamId } });
    await tx.environment.updateMany({ where: { id: environmentId, slackTeamId: input.teamId }, data: { slackTeamId: null } });
    const event = await audit(tx, { environmentId, actor: input.actor ?? null, action: 'environment.slack_disconnected', targetType: 'environment', targetId: environmentId, details: { teamId: input.teamId, reason: input.reason } });
    // the administrators learn it by email: Slack is exactly what no longer reaches them
    const env = await tx.environment.findUniqueOrThrow({ where: { id: environmentId }, select: { name: true, locale: true } });
    const admins = await tx.user.findMany({ where: { environmentId, role: 'ADMINISTRATOR', status: 'ACTIVE' }, select: { email: true, locale: true }, take: 50 });
    const data = { environmentName: env.name, teamId: input.teamId, reason: input.reason, accountLink: `${deps.options.publicUrl}/account` };
    for (const a of admins) {
      await enqueue(tx, environmentId, `slack-disconnected:${event.id}:email:${a.email}`, { email: { to: a.email, template: 'slack-disconnected', locale: readerLocale(env, a), data } });
    }
    return { environmentId };
  });
}
