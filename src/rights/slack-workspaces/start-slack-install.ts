// "Add to Slack" starts here: only an active environment Administrator, logged in on the web, gets an
// OAuth state. The state works once, for 10 minutes, for that session and that environment; only its
// hash is stored.
import { requireActor, type Actor } from '../core/actor.ts';
import { nowOf } from '../core/clock.ts';
import type { RightsDeps } from '../core/deps.ts';
import { transaction } from '../core/transaction.ts';
import { hashToken, newToken } from '../secrets.ts';

export const SLACK_INSTALL_STATE_TTL_MS = 10 * 60_000;

export async function startSlackInstall(deps: RightsDeps, actor: Actor, input: { sessionId: string }) {
  return transaction(deps, async (tx) => {
    const admin = await requireActor(tx, actor, 'environment:configure');
    const state = newToken();
    const now = nowOf(deps);
    await tx.slackInstallState.create({
      data: { stateHash: hashToken(state), sessionId: input.sessionId, environmentId: admin.environmentId, userId: admin.id, expiresAt: new Date(now.getTime() + SLACK_INSTALL_STATE_TTL_MS) },
    });
    return { state, environmentId: admin.environmentId };
  });
}
