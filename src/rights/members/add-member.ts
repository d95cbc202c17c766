// Rule 2: an organisation administrator of O (or an environment Administrator) adds a user of the
// environment to O, as member or administrator. Members get O's document rights (rule 3).
import { z } from 'zod';
import { requireActor, type Actor } from '../core/actor.ts';
import { audit } from '../core/audit.ts';
import { changeOnce } from '../core/change-once.ts';
import type { RightsDeps } from '../core/deps.ts';
import { displayName, requireOrganisation, requireUser } from '../core/targets.ts';
import { lockOrganisation } from '../core/transaction.ts';
import { AppError, phrase } from '../errors.ts';
import { parseInput } from '../input.ts';
import { membershipTarget, organisationRole } from './member-input.ts';

const input = z.object({ ...membershipTarget, role: organisationRole.default('MEMBER') });

export async function addMember(deps: RightsDeps, actor: Actor, raw: z.input<typeof input>) {
  const data = parseInput(input, raw);
  return changeOnce(deps, actor, 'add-member', async (tx) => {
    const me = await requireActor(tx, actor, 'member:add', { organisationId: data.organisationId });
    const org = await requireOrganisation(tx, me.environmentId, data.organisationId);
    await lockOrganisation(tx, org.id);
    // Decide again under the lock: the actor's own organisation role may have changed meanwhile.
    await requireActor(tx, actor, 'member:add', { organisationId: org.id });
    const user = await requireUser(tx, me.environmentId, data.userId);
    if (user.status === 'REMOVED' || user.status === 'BLOCKED') {
      throw new AppError('conflict', 'rights.member.inactive', { user: displayName(user), status: phrase(`status.${user.status}.lower`) }, 'user');
    }
    const existing = await tx.membership.findUnique({ where: { userId_organisationId: { userId: user.id, organisationId: org.id } } });
    if (existing) {
      throw new AppError('already_exists', 'rights.member.already', { user: displayName(user), role: existing.role, organisation: org.name }, 'user');
    }
    await tx.membership.create({ data: { userId: user.id, organisationId: org.id, role: data.role } });
    await audit(tx, {
      environmentId: me.environmentId,
      actor,
      action: 'member.added',
      targetType: 'membership',
      targetId: `${org.id}:${user.id}`,
      details: { organisation: org.name, organisationId: org.id, userId: user.id, email: user.email, role: data.role },
    });
    return { organisation: { id: org.id, name: org.name }, user: { id: user.id, email: user.email, name: user.name }, role: data.role };
  });
}
