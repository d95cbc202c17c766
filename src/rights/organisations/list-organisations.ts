// The organisations of the environment, page by page: everyone active sees the ones they belong to,
// advanced users and administrators see all.
import { z } from 'zod';
import type { Prisma } from '../../generated/prisma/client.ts';
import { organisationReach } from '../policy.ts';
import { requireActor, type Actor } from '../core/actor.ts';
import type { RightsDeps } from '../core/deps.ts';
import { contains, page } from '../core/listing.ts';
import { transaction } from '../core/transaction.ts';
import { parseInput } from '../input.ts';

const orgListInput = z.object(page);

export async function listOrganisations(deps: RightsDeps, actor: Actor, raw: z.input<typeof orgListInput> = {}) {
  const data = parseInput(orgListInput, raw);
  return transaction(deps, async (tx) => {
    const me = await tx.user.findUnique({ where: { id: actor.userId }, select: { role: true, status: true, environmentId: true } });
    // The policy decides: everyone active sees the organisations they belong to; those who browse the directory see all.
    const reach = me ? organisationReach(me) : 'none';
    if (reach === 'none') await requireActor(tx, actor, 'directory:read');
    const all = reach === 'all';
    const where: Prisma.OrganisationWhereInput = {
      environmentId: me!.environmentId,
      ...(all ? {} : { memberships: { some: { userId: actor.userId } } }),
      ...(data.query?.trim() ? { name: contains(data.query) } : {}),
    };
    const items = await tx.organisation.findMany({
      where,
      select: { id: true, name: true, kvkNumber: true, _count: { select: { memberships: true } } },
      orderBy: { nameKey: 'asc' },
      take: data.limit + 1,
      ...(data.cursor ? { cursor: { id: data.cursor }, skip: 1 } : {}),
    });
    const more = items.length > data.limit;
    const rows = items.slice(0, data.limit).map((o) => ({ id: o.id, name: o.name, kvkNumber: o.kvkNumber, members: o._count.memberships }));
    return { items: rows, nextCursor: more ? rows[rows.length - 1]!.id : null };
  });
}
