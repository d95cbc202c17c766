// The API tokens of the environment that still work, by name (never the tokens themselves).
import { requireActor, type Actor } from '../core/actor.ts';
import type { RightsDeps } from '../core/deps.ts';
import { transaction } from '../core/transaction.ts';

export async function listApiTokens(deps: RightsDeps, actor: Actor) {
  return transaction(deps, async (tx) => {
    const admin = await requireActor(tx, actor, 'environment:configure');
    const rows = await tx.apiToken.findMany({
      where: { environmentId: admin.environmentId, revokedAt: null },
      select: { id: true, name: true, createdAt: true },
      orderBy: { createdAt: 'asc' },
      take: 100,
    });
    return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
  });
}
