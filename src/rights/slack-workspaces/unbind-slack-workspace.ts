// Ends a workspace's binding and deletes its tokens: an administrator disconnecting it (web page or
// /econnect disconnect), or Slack telling us the app was uninstalled or its bot token revoked. The
// environment's Slack notifications then wait in the outbox until a workspace is connected again.
import { requireActor, type Actor } from '../core/actor.ts';
import { audit } from '../core/audit.ts';
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
      if (admin.environmentId !== environmentId) throw new AppError('forbidden', 'This Slack workspace belongs to another environment; only its own administrators can disconnect it.');
    }
    await lockEnvironment(tx, environmentId);
    await tx.slackInstallation.deleteMany({ where: { teamId: input.teamId } });
    await tx.environment.updateMany({ where: { id: environmentId, slackTeamId: input.teamId }, data: { slackTeamId: null } });
    await audit(tx, { environmentId, actor: input.actor ?? null, action: 'environment.slack_disconnected', targetType: 'environment', targetId: environmentId, details: { teamId: input.teamId, reason: input.reason } });
    return { environmentId };
  });
}
