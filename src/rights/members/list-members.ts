// The members of an organisation with their role in it, for whoever may manage them (rule 2).
import { z } from 'zod';
import { requireActor, type Actor } from '../core/actor.ts';
import type { RightsDeps } from '../core/deps.ts';
import { userRow } from '../core/listing.ts';
import { requireOrganisation } from '../core/targets.ts';
import { transaction } from '../core/transaction.ts';
import { idSchema, parseInput } from '../input.ts';

export async function listMembers(deps: RightsDeps, actor: Actor, raw: { organisationId: string }) {
  const data = parseInput(z.object({ organisationId: idSchema('rights.what.organisation') }), raw);
  return transaction(deps, async (tx) => {
    const me = await requireActor(tx, actor, 'member:list', { organisationId: data.organisationId });
    const org = await requireOrganisation(tx, me.environmentId, data.organisationId);
    const members = await tx.membership.findMany({
      where: { organisationId: org.id },
      select: { role: true, user: { select: userRow } },
      orderBy: [{ role: 'desc' }, { user: { email: 'asc' } }],
      take: 1000,
    });
    return { organisation: org, members: members.map((m) => ({ ...m.user, organisationRole: m.role })) };
  });
}
