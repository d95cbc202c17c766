// One organisation with its details: for its members, and for advanced users and administrators.
import { z } from 'zod';
import { decide } from '../policy.ts';
import { requireActor, type Actor } from '../core/actor.ts';
import type { RightsDeps } from '../core/deps.ts';
import { requireOrganisation } from '../core/targets.ts';
import { transaction } from '../core/transaction.ts';
import { idSchema, parseInput } from '../input.ts';

export async function getOrganisation(deps: RightsDeps, actor: Actor, raw: { organisationId: string }) {
  const data = parseInput(z.object({ organisationId: idSchema('rights.what.organisation') }), raw);
  return transaction(deps, async (tx) => {
    const me = await tx.user.findUnique({ where: { id: actor.userId }, select: { role: true, status: true, environmentId: true } });
    const mine = me ? await tx.membership.findUnique({ where: { userId_organisationId: { userId: actor.userId, organisationId: data.organisationId } } }) : null;
    // Members see their own organisation, but only while active: blocked and removed users see nothing (rule 9).
    if (!mine || me?.status !== 'ACTIVE') await requireActor(tx, actor, 'directory:read');
    await requireOrganisation(tx, me!.environmentId, data.organisationId);
    const org = await tx.organisation.findUniqueOrThrow({
      where: { id: data.organisationId },
      select: { id: true, name: true, legalName: true, kvkNumber: true, vatNumber: true, peppolId: true, street: true, postalCode: true, city: true, country: true, invoiceEmail: true, createdAt: true, _count: { select: { memberships: true } } },
    });
    // Whether the caller may edit its details, as the policy decides (the surfaces offer the form only then).
    return { ...org, canEdit: decide(me!, 'organisation:update').allowed };
  });
}
