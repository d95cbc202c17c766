// The sessions a person is logged in with, newest first, the one they use marked.
import { requireActor, type Actor } from '../core/actor.ts';
import { nowOf } from '../core/clock.ts';
import type { RightsDeps } from '../core/deps.ts';
import { transaction } from '../core/transaction.ts';
import { hashToken, looksLikeToken } from '../secrets.ts';

export async function listSessions(deps: RightsDeps, actor: Actor, currentToken: unknown) {
  const current = looksLikeToken(currentToken) ? hashToken(currentToken) : null;
  return transaction(deps, async (tx) => {
    const me = await requireActor(tx, actor, 'account:update');
    const sessions = await tx.session.findMany({
      where: { userId: me.id, revokedAt: null, expiresAt: { gt: nowOf(deps) } },
      orderBy: { createdAt: 'desc' },
      take: 50,
      select: { id: true, tokenHash: true, userAgent: true, createdAt: true, expiresAt: true },
    });
    return sessions.map((s) => ({ id: s.id, userAgent: s.userAgent, createdAt: s.createdAt.toISOString(), expiresAt: s.expiresAt.toISOString(), current: s.tokenHash === current }));
  });
}
