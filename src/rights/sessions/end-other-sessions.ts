// "Log out everywhere else": every session of the person ends at once, except the one they use.
import { requireActor, type Actor } from '../core/actor.ts';
import { audit } from '../core/audit.ts';
import { nowOf } from '../core/clock.ts';
import type { RightsDeps } from '../core/deps.ts';
import { transaction } from '../core/transaction.ts';
import { hashToken, looksLikeToken } from '../secrets.ts';

export async function endOtherSessions(deps: RightsDeps, actor: Actor, currentToken: unknown) {
  const keep = looksLikeToken(currentToken) ? hashToken(currentToken) : null;
  return transaction(deps, async (tx) => {
    const me = await requireActor(tx, actor, 'account:update');
    const ended = await tx.session.updateMany({
      where: { userId: me.id, revokedAt: null, ...(keep ? { tokenHash: { not: keep } } : {}) },
      data: { revokedAt: nowOf(deps) },
    });
    if (ended.count > 0) {
      await audit(tx, { environmentId: me.environmentId, actor, action: 'user.sessions_ended', targetType: 'user', targetId: me.id, details: { sessionsEnded: ended.count } });
    }
    return { sessionsEnded: ended.count };
  });
}
