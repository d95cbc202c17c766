// Remembers which Slack account belongs to a user, so notifications can reach them directly, and binds
// the workspace to the user's environment the first time.
import type { RightsDeps } from '../core/deps.ts';
import { transaction } from '../core/transaction.ts';

/** Remembers which Slack account belongs to a user, so notifications can reach them directly. */
export async function linkSlackUser(deps: RightsDeps, userId: string, slackUserId: string, slackTeamId?: string) {
  if (!/^[UW][A-Z0-9]{2,20}$/.test(slackUserId)) return;
  await transaction(deps, async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { slackUserId: true, environmentId: true } });
    if (!user) return;
    if (user.slackUserId !== slackUserId) {
      // One Slack account maps to one user.
      await tx.user.updateMany({ where: { slackUserId, id: { not: userId } }, data: { slackUserId: null } });
      await tx.user.update({ where: { id: userId }, data: { slackUserId } });
    }
    if (slackTeamId && /^T[A-Z0-9]{2,20}$/.test(slackTeamId)) {
      const env = await tx.environment.findUnique({ where: { id: user.environmentId }, select: { slackTeamId: true } });
      const taken = await tx.environment.findUnique({ where: { slackTeamId }, select: { id: true } });
      if (env && !env.slackTeamId && !taken) await tx.environment.update({ where: { id: user.environmentId }, data: { slackTeamId } });
    }
  });
}
