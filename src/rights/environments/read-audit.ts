// The environment's audit trail, newest first, optionally about one target, page by page.
import { z } from 'zod';
import { requireActor, type Actor } from '../core/actor.ts';
import type { RightsDeps } from '../core/deps.ts';
import { page } from '../core/listing.ts';
import { transaction } from '../core/transaction.ts';
import { parseInput } from '../input.ts';

const auditInput = z.object({ targetId: z.string().max(100).optional(), cursor: z.string().regex(/^\d+$/).optional(), limit: page.limit });

export async function readAudit(deps: RightsDeps, actor: Actor, raw: z.input<typeof auditInput> = {}) {
  const data = parseInput(auditInput, raw);
  return transaction(deps, async (tx) => {
    const me = await requireActor(tx, actor, 'audit:read');
    const events = await tx.auditEvent.findMany({
      where: {
        environmentId: me.environmentId,
        ...(data.targetId ? { OR: [{ targetId: data.targetId }, { targetId: { startsWith: `${data.targetId}:` } }, { targetId: { endsWith: `:${data.targetId}` } }] } : {}),
        ...(data.cursor ? { id: { lt: BigInt(data.cursor) } } : {}),
      },
      orderBy: { id: 'desc' },
      take: data.limit + 1,
    });
    const more = events.length > data.limit;
    const rows = events.slice(0, data.limit).map((e) => ({ ...e, id: e.id.toString(), createdAt: e.createdAt.toISOString() }));
    return { items: rows, nextCursor: more ? rows[rows.length - 1]!.id : null };
  });
}
