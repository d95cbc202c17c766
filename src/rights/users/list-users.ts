// The users of the environment, searched by email or name, page by page (advanced users and
// administrators: basic users see only their own account).
import { z } from 'zod';
import type { Prisma } from '../../generated/prisma/client.ts';
import { requireActor, type Actor } from '../core/actor.ts';
import type { RightsDeps } from '../core/deps.ts';
import { contains, page, userRow } from '../core/listing.ts';
import { transaction } from '../core/transaction.ts';
import { parseInput } from '../input.ts';

const userListInput = z.object({ ...page, status: z.enum(['INVITED', 'ACTIVE', 'BLOCKED', 'REMOVED']).optional() });

export async function listUsers(deps: RightsDeps, actor: Actor, raw: z.input<typeof userListInput> = {}) {
  const data = parseInput(userListInput, raw);
  return transaction(deps, async (tx) => {
    const me = await requireActor(tx, actor, 'directory:read');
    const where: Prisma.UserWhereInput = {
      environmentId: me.environmentId,
      ...(data.status ? { status: data.status } : { status: { not: 'REMOVED' } }),
      ...(data.query?.trim() ? { OR: [{ email: contains(data.query) }, { name: contains(data.query) }] } : {}),
    };
    const items = await tx.user.findMany({
      where,
      select: userRow,
      orderBy: { email: 'asc' },
      take: data.limit + 1,
      ...(data.cursor ? { cursor: { email: data.cursor }, skip: 1 } : {}),
    });
    const more = items.length > data.limit;
    const rows = items.slice(0, data.limit);
    return { items: rows, nextCursor: more ? rows[rows.length - 1]!.email : null };
  });
}
