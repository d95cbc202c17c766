// One user with their organisations: anyone may see their own account, advanced users and
// administrators anyone of the environment.
import { z } from 'zod';
import { requireActor, type Actor } from '../core/actor.ts';
import type { RightsDeps } from '../core/deps.ts';
import { userRow } from '../core/listing.ts';
import { requireUser } from '../core/targets.ts';
import { transaction } from '../core/transaction.ts';
import { idSchema, parseInput } from '../input.ts';

export async function getUser(deps: RightsDeps, actor: Actor, raw: { userId: string }) {
  const data = parseInput(z.object({ userId: idSchema('rights.what.user') }), raw);
  return transaction(deps, async (tx) => {
    const me = data.userId === actor.userId
      ? await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { environmentId: true } })
      : await requireActor(tx, actor, 'directory:read');
    const user = await requireUser(tx, me.environmentId, data.userId);
    const detail = await tx.user.findUniqueOrThrow({
      where: { id: user.id },
      select: {
        ...userRow,
        activatedAt: true,
        createdAt: true,
        environment: { select: { id: true, name: true } },
        memberships: { select: { role: true, organisation: { select: { id: true, name: true } } }, orderBy: { organisation: { nameKey: 'asc' } } },
      },
    });
    return {
      ...detail,
      memberships: detail.memberships.map((m) => ({ organisationId: m.organisation.id, organisationName: m.organisation.name, role: m.role })),
    };
  });
}
