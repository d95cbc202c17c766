// Who is invited and has not activated yet, with when their newest link was sent and whether it expired.
import { z } from 'zod';
import { requireActor, type Actor } from '../core/actor.ts';
import { nowOf } from '../core/clock.ts';
import type { RightsDeps } from '../core/deps.ts';
import { page } from '../core/listing.ts';
import { transaction } from '../core/transaction.ts';
import { parseInput } from '../input.ts';

export async function listPendingInvitations(deps: RightsDeps, actor: Actor, raw: { cursor?: string; limit?: number } = {}) {
  const data = parseInput(z.object({ cursor: page.cursor, limit: page.limit }), raw);
  return transaction(deps, async (tx) => {
    const me = await requireActor(tx, actor, 'user:invite');
    const users = await tx.user.findMany({
      where: { environmentId: me.environmentId, status: 'INVITED' },
      select: {
        id: true, email: true, role: true, createdAt: true,
        invitations: { where: { usedAt: null, revokedAt: null }, orderBy: { createdAt: 'desc' }, take: 1, select: { expiresAt: true, createdAt: true, invitedById: true } },
      },
      orderBy: { email: 'asc' },
      take: data.limit + 1,
      ...(data.cursor ? { cursor: { email: data.cursor }, skip: 1 } : {}),
    });
    const more = users.length > data.limit;
    const rows = users.slice(0, data.limit).map((u) => ({
      id: u.id, email: u.email, role: u.role,
      expiresAt: u.invitations[0]?.expiresAt.toISOString() ?? null,
      sentAt: u.invitations[0]?.createdAt.toISOString() ?? null,
      expired: !u.invitations[0] || u.invitations[0].expiresAt.getTime() <= nowOf(deps).getTime(),
    }));
    return { items: rows, nextCursor: more ? rows[rows.length - 1]!.email : null };
  });
}
